import type { Db } from '../../src/server/db/database.ts'

const SEEDED = (kind: string) => `(SELECT id FROM seed_marks WHERE kind = '${kind}')`

/**
 * Removes exactly what the seed inserted and takes its part out of the running totals
 * (the triggers only add, so the seeded events' sums are subtracted before they go).
 * Real rows stay. A seeded passport that was deleted by hand was already rolled up into
 * the anonymous visitor counts; that +1 cannot be told apart and stays. Returns events removed.
 */
export function clearSeed(db: Db): number {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'seed_marks'").get() === undefined) return 0
  return db.transaction(() => {
    db.exec(`CREATE TEMP TABLE seed_events AS SELECT day, session_id, exhibit_id, type, item_id, correct FROM events WHERE station_id IN ${SEEDED('station')}`)
    db.exec(`
      WITH s AS (SELECT day, exhibit_id, type, count(*) AS n FROM temp.seed_events GROUP BY 1, 2, 3)
      UPDATE daily_counts SET n = daily_counts.n - s.n FROM s
        WHERE daily_counts.day = s.day AND daily_counts.exhibit_id = s.exhibit_id AND daily_counts.type = s.type;
      DELETE FROM daily_counts WHERE n <= 0;
      WITH s AS (SELECT session_id, exhibit_id, type, count(*) AS n FROM temp.seed_events WHERE session_id IS NOT NULL GROUP BY 1, 2, 3)
      UPDATE session_counts SET n = session_counts.n - s.n FROM s
        WHERE session_counts.session_id = s.session_id AND session_counts.exhibit_id = s.exhibit_id AND session_counts.type = s.type;
      DELETE FROM session_counts WHERE n <= 0;
      WITH s AS (SELECT day, exhibit_id, item_id, count(*) AS n, sum(1 - correct) AS wrong FROM temp.seed_events WHERE type = 'answer-given' GROUP BY 1, 2, 3)
      UPDATE quiz_counts SET answers = quiz_counts.answers - s.n, wrong = quiz_counts.wrong - s.wrong FROM s
        WHERE quiz_counts.day = s.day AND quiz_counts.exhibit_id = s.exhibit_id AND quiz_counts.quiz_id = s.item_id;
      DELETE FROM quiz_counts WHERE answers <= 0;
      DELETE FROM daily_visitors WHERE passport_id IN ${SEEDED('passport')};
      DELETE FROM session_visitors WHERE passport_id IN ${SEEDED('passport')} OR session_id IN ${SEEDED('session')};
      DELETE FROM visitor_session_rollup WHERE session_id IN ${SEEDED('session')};
      DROP TABLE temp.seed_events;`)
    const removed = db
      .prepare(`DELETE FROM event_store WHERE station IN (SELECT id FROM dash_keys WHERE kind = 'station' AND value IN ${SEEDED('station')})`)
      .run().changes
    db.exec(`
      DELETE FROM quarantined_events WHERE station_id IN ${SEEDED('station')};
      DELETE FROM class_sessions WHERE id IN ${SEEDED('session')};
      DELETE FROM passports WHERE code IN ${SEEDED('passport')};
      DELETE FROM passport_batches WHERE id IN ${SEEDED('batch')};
      DELETE FROM activities WHERE id IN ${SEEDED('activity')};
      DELETE FROM stations WHERE id IN ${SEEDED('station')};
      -- The dashboard rollups' dictionary (migration 014): seeded ids no real row holds.
      DELETE FROM dash_keys WHERE (kind = 'station' AND value IN ${SEEDED('station')})
        OR (kind = 'session' AND value IN ${SEEDED('session')} AND NOT EXISTS (SELECT 1 FROM event_store WHERE session = dash_keys.id))
        OR (kind = 'batch' AND value IN ${SEEDED('batch')} AND NOT EXISTS (SELECT 1 FROM passports WHERE batch_id = value));
      DROP TABLE seed_marks;`)
    return removed
  })()
}
