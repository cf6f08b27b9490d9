import { INGEST_PAIRS } from './visitor-pairs.ts'

/**
 * One statement per batch: the insert, and the running totals from exactly the rows the
 * insert added (RETURNING), so a resent event — a conflict, DO NOTHING — adds nothing.
 * The PostgreSQL form of the center's trigger (db/migrations/001-init.sql). Totals are
 * written in key order, so two batches of one center running at once cannot deadlock.
 * The pair counts (visitor-pairs.ts) are worked out from visitor_history as the
 * statement's snapshot has it, which is right only if no other batch or privacy record of
 * the center committed since: each of those writes a new version of the center's row, so
 * `c` updates the row only if it is still the version the snapshot holds (waiting for one
 * in flight), and the statement raises 40001 otherwise, rolled back and run again.
 */
export const INSERT_BATCH = `
WITH batch AS (
  SELECT * FROM unnest($2::uuid[], $3::bigint[], $4::date[], $5::bigint[], $6::integer[], $7::uuid[], $8::text[], $9::text[],
                       $10::boolean[], $11::text[], $12::text[], $13::boolean[], $14::integer[], $15::jsonb[])
    AS b(id, time_ms, day, seq, station, session_id, passport_id, exhibit_id, exhibit_known, type, item_id, correct, duration_ms, data)
), ins AS (
  INSERT INTO events (id, time, center_id, day, center_seq, station, session_id, passport_id, exhibit_id, exhibit_known, type, item_id, correct, duration_ms, data)
  SELECT id, timestamptz 'epoch' + time_ms * interval '1 millisecond', $1, day, seq, station, session_id, passport_id, exhibit_id, exhibit_known,
         type::event_type, item_id, correct, duration_ms, data FROM batch
  ON CONFLICT DO NOTHING
  RETURNING id, time, day, session_id, passport_id, exhibit_id, exhibit_known, type, item_id, correct, duration_ms,
    (data->>'score')::integer AS score, (data->>'maxScore')::integer AS max_score, data->>'mode' AS mode, data->>'choiceId' AS choice_id,
    CASE WHEN type = 'answer-given' THEN 'quiz' ELSE 'step' END AS kind
), dc AS (
  INSERT INTO daily_counts (center_id, day, exhibit_id, type, n)
  SELECT $1, day, exhibit_id, type, count(*) FROM ins GROUP BY day, exhibit_id, type ORDER BY day, exhibit_id, type
  ON CONFLICT (center_id, day, exhibit_id, type) DO UPDATE SET n = daily_counts.n + excluded.n
), sc AS (
  INSERT INTO session_counts (center_id, session_id, exhibit_id, type, n, first_day, last_day)
  SELECT $1, session_id, exhibit_id, type, count(*), min(day), max(day) FROM ins WHERE session_id IS NOT NULL
  GROUP BY session_id, exhibit_id, type ORDER BY session_id, exhibit_id, type
  ON CONFLICT (center_id, session_id, exhibit_id, type) DO UPDATE SET n = session_counts.n + excluded.n,
    first_day = least(session_counts.first_day, excluded.first_day), last_day = greatest(session_counts.last_day, excluded.last_day)
), dv AS (
  INSERT INTO daily_visitors (center_id, day, passport_id)
  SELECT DISTINCT $1, day, passport_id FROM ins WHERE passport_id IS NOT NULL ORDER BY 2, 3
  ON CONFLICT DO NOTHING
), sv AS (
  INSERT INTO session_visitors (center_id, session_id, passport_id)
  SELECT DISTINCT $1, session_id, passport_id FROM ins WHERE session_id IS NOT NULL AND passport_id IS NOT NULL ORDER BY 2, 3
  ON CONFLICT DO NOTHING
), qc AS (
  INSERT INTO quiz_counts (center_id, day, exhibit_id, quiz_id, answers, wrong)
  SELECT $1, day, exhibit_id, item_id, count(*), count(*) FILTER (WHERE NOT correct) FROM ins WHERE type = 'answer-given'
  GROUP BY day, exhibit_id, item_id ORDER BY day, exhibit_id, item_id
  ON CONFLICT (center_id, day, exhibit_id, quiz_id) DO UPDATE SET answers = quiz_counts.answers + excluded.answers, wrong = quiz_counts.wrong + excluded.wrong
), ux AS (
  INSERT INTO unknown_exhibits (center_id, exhibit_id, first_seen_at, events)
  SELECT $1, exhibit_id, now(), count(*) FROM ins WHERE NOT exhibit_known GROUP BY exhibit_id ORDER BY exhibit_id
  ON CONFLICT (center_id, exhibit_id) DO UPDATE SET events = unknown_exhibits.events + excluded.events
), stc AS (
  INSERT INTO start_counts (center_id, day, exhibit_id, walk_ins, vr, starts)
  SELECT $1, day, exhibit_id, count(*) FILTER (WHERE passport_id IS NULL), count(*) FILTER (WHERE mode = 'vr'), count(*) FROM ins
  WHERE type = 'exhibit-started' GROUP BY day, exhibit_id ORDER BY day, exhibit_id
  ON CONFLICT (center_id, day, exhibit_id) DO UPDATE SET walk_ins = start_counts.walk_ins + excluded.walk_ins, vr = start_counts.vr + excluded.vr,
    starts = start_counts.starts + excluded.starts
), du AS (
  INSERT INTO duration_counts (center_id, day, exhibit_id, seconds, n)
  SELECT $1, day, exhibit_id, duration_ms / 1000, count(*) FROM ins WHERE type = 'exhibit-completed' AND duration_ms IS NOT NULL
  GROUP BY day, exhibit_id, duration_ms / 1000 ORDER BY 2, 3, 4
  ON CONFLICT (center_id, day, exhibit_id, seconds) DO UPDATE SET n = duration_counts.n + excluded.n
), ic AS (
  INSERT INTO item_counts (center_id, day, exhibit_id, kind, item_id, attempts, wrong)
  SELECT $1, day, exhibit_id, kind, item_id, count(*) FILTER (WHERE type <> 'step-mistake'), count(*) FILTER (WHERE type = 'step-mistake' OR NOT correct)
  FROM ins WHERE type IN ('answer-given', 'step-completed', 'step-mistake') AND item_id IS NOT NULL
  GROUP BY day, exhibit_id, kind, item_id ORDER BY day, exhibit_id, kind, item_id
  ON CONFLICT (center_id, day, exhibit_id, kind, item_id) DO UPDATE SET attempts = item_counts.attempts + excluded.attempts, wrong = item_counts.wrong + excluded.wrong
), wc AS (
  INSERT INTO wrong_choices (center_id, day, exhibit_id, kind, item_id, choice_id, n)
  SELECT $1, day, exhibit_id, kind, item_id, choice_id, count(*) FROM ins
  WHERE ((type = 'answer-given' AND NOT correct) OR type = 'step-mistake') AND item_id IS NOT NULL AND choice_id IS NOT NULL
  GROUP BY day, exhibit_id, kind, item_id, choice_id ORDER BY day, exhibit_id, kind, item_id, choice_id
  ON CONFLICT (center_id, day, exhibit_id, kind, item_id, choice_id) DO UPDATE SET n = wrong_choices.n + excluded.n
), ev AS (
  INSERT INTO exhibit_visitors (center_id, day, exhibit_id, passport_id)
  SELECT DISTINCT $1, day, exhibit_id, passport_id FROM ins WHERE type = 'exhibit-started' AND passport_id IS NOT NULL ORDER BY 2, 3, 4
  ON CONFLICT DO NOTHING
  RETURNING day, exhibit_id
), mc AS (
  INSERT INTO monthly_counts (center_id, month, exhibit_id, type, n)
  SELECT $1, date_trunc('month', day::timestamp)::date, exhibit_id, type, count(*) FROM ins GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
  ON CONFLICT (center_id, month, exhibit_id, type) DO UPDATE SET n = monthly_counts.n + excluded.n
), mst AS (
  INSERT INTO monthly_start_counts (center_id, month, exhibit_id, walk_ins, vr, starts)
  SELECT $1, date_trunc('month', day::timestamp)::date, exhibit_id, count(*) FILTER (WHERE passport_id IS NULL), count(*) FILTER (WHERE mode = 'vr'), count(*)
  FROM ins WHERE type = 'exhibit-started' GROUP BY 2, 3 ORDER BY 2, 3
  ON CONFLICT (center_id, month, exhibit_id) DO UPDATE SET walk_ins = monthly_start_counts.walk_ins + excluded.walk_ins, vr = monthly_start_counts.vr + excluded.vr,
    starts = monthly_start_counts.starts + excluded.starts
), mdu AS (
  INSERT INTO monthly_duration_counts (center_id, month, exhibit_id, seconds, n)
  SELECT $1, date_trunc('month', day::timestamp)::date, exhibit_id, duration_ms / 1000, count(*) FROM ins WHERE type = 'exhibit-completed' AND duration_ms IS NOT NULL
  GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
  ON CONFLICT (center_id, month, exhibit_id, seconds) DO UPDATE SET n = monthly_duration_counts.n + excluded.n
), mic AS (
  INSERT INTO monthly_item_counts (center_id, month, exhibit_id, kind, item_id, attempts, wrong)
  SELECT $1, date_trunc('month', day::timestamp)::date, exhibit_id, kind, item_id, count(*) FILTER (WHERE type <> 'step-mistake'),
    count(*) FILTER (WHERE type = 'step-mistake' OR NOT correct)
  FROM ins WHERE type IN ('answer-given', 'step-completed', 'step-mistake') AND item_id IS NOT NULL GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
  ON CONFLICT (center_id, month, exhibit_id, kind, item_id) DO UPDATE SET attempts = monthly_item_counts.attempts + excluded.attempts,
    wrong = monthly_item_counts.wrong + excluded.wrong
), mwc AS (
  INSERT INTO monthly_wrong_choices (center_id, month, exhibit_id, kind, item_id, choice_id, n)
  SELECT $1, date_trunc('month', day::timestamp)::date, exhibit_id, kind, item_id, choice_id, count(*) FROM ins
  WHERE ((type = 'answer-given' AND NOT correct) OR type = 'step-mistake') AND item_id IS NOT NULL AND choice_id IS NOT NULL
  GROUP BY 2, 3, 4, 5, 6 ORDER BY 2, 3, 4, 5, 6
  ON CONFLICT (center_id, month, exhibit_id, kind, item_id, choice_id) DO UPDATE SET n = monthly_wrong_choices.n + excluded.n
), cd AS (
  INSERT INTO center_days (center_id, day, plays, walk_ins)
  SELECT $1, day, count(*), count(*) FILTER (WHERE passport_id IS NULL) FROM ins WHERE type = 'exhibit-started' GROUP BY day ORDER BY day
  ON CONFLICT (center_id, day) DO UPDATE SET plays = center_days.plays + excluded.plays, walk_ins = center_days.walk_ins + excluded.walk_ins
), vs AS (
  INSERT INTO visitor_sets (center_id, scope, start, exhibit_id, passport_id)
  SELECT $1, s.scope, s.start, s.exhibit_id, i.passport_id FROM ins i CROSS JOIN LATERAL (VALUES ('d'::"char", i.day, ''),
    ('w', date_trunc('week', i.day::timestamp)::date, ''), ('w', date_trunc('week', i.day::timestamp)::date, i.exhibit_id),
    ('m', date_trunc('month', i.day::timestamp)::date, ''), ('m', date_trunc('month', i.day::timestamp)::date, i.exhibit_id),
    ('y', date_trunc('year', i.day::timestamp)::date, ''), ('y', date_trunc('year', i.day::timestamp)::date, i.exhibit_id)) s(scope, start, exhibit_id)
  WHERE i.type = 'exhibit-started' AND i.passport_id IS NOT NULL
  UNION
  SELECT $1, 'y', date_trunc('year', day::timestamp)::date, '*', passport_id FROM ins WHERE passport_id IS NOT NULL
  ORDER BY 2, 3, 4, 5
  ON CONFLICT DO NOTHING
  RETURNING scope, start, exhibit_id
), vh AS (
  INSERT INTO visitor_history (center_id, exhibit_id, passport_id, first_day, last_day, days)
  SELECT $1, exhibit_id, passport_id, first_day, last_day, bit_or(set_bit(repeat('0', last_day - first_day + 1)::varbit, day - first_day, 1))
  FROM (SELECT e.exhibit_id, i.passport_id, i.day, min(i.day) OVER w AS first_day, max(i.day) OVER w AS last_day
    FROM ins i CROSS JOIN LATERAL (VALUES (''), (i.exhibit_id)) e(exhibit_id) WHERE i.type = 'exhibit-started' AND i.passport_id IS NOT NULL
    WINDOW w AS (PARTITION BY e.exhibit_id, i.passport_id)) x
  GROUP BY 2, 3, 4, 5 ORDER BY 2, 3
  ON CONFLICT (center_id, exhibit_id, passport_id) DO UPDATE SET first_day = least(visitor_history.first_day, excluded.first_day),
    last_day = greatest(visitor_history.last_day, excluded.last_day),
    days = day_set_or(visitor_history.first_day, visitor_history.days, excluded.first_day, excluded.days)
  WHERE day_set_or(visitor_history.first_day, visitor_history.days, excluded.first_day, excluded.days) <> visitor_history.days
  RETURNING exhibit_id, xmax = 0 AS added
)${INGEST_PAIRS}, vc AS (
  INSERT INTO visitor_counts (center_id, scope, start, exhibit_id, n)
  SELECT $1, scope, start, exhibit_id, count(*) FROM (SELECT scope, start, exhibit_id FROM vs UNION ALL SELECT 'd'::"char", day, exhibit_id FROM ev
    UNION ALL SELECT 'a', date '2000-01-01', exhibit_id FROM vh WHERE added) x
  GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
  ON CONFLICT (center_id, scope, start, exhibit_id) DO UPDATE SET n = visitor_counts.n + excluded.n
), pe AS (
  INSERT INTO passport_exhibits (passport_id, center_id, exhibit_id, day, stamped_at, best_score, max_score, starts, completions, last_at)
  SELECT passport_id, $1, exhibit_id, day, min(time) FILTER (WHERE type = 'stamp-awarded'), max(score) FILTER (WHERE type = 'exhibit-completed'),
    max(max_score) FILTER (WHERE type = 'exhibit-completed'), count(*) FILTER (WHERE type = 'exhibit-started'),
    count(*) FILTER (WHERE type = 'exhibit-completed'), max(time)
  FROM ins WHERE passport_id IS NOT NULL GROUP BY passport_id, exhibit_id, day ORDER BY passport_id, exhibit_id, day
  ON CONFLICT (passport_id, center_id, exhibit_id, day) DO UPDATE SET stamped_at = least(passport_exhibits.stamped_at, excluded.stamped_at),
    best_score = greatest(passport_exhibits.best_score, excluded.best_score), max_score = greatest(passport_exhibits.max_score, excluded.max_score),
    starts = passport_exhibits.starts + excluded.starts, completions = passport_exhibits.completions + excluded.completions,
    last_at = greatest(passport_exhibits.last_at, excluded.last_at)
), c AS (
  UPDATE centers SET last_seq = greatest(last_seq, $16), last_seen_at = now(), events = events + (SELECT count(*) FROM ins)
  WHERE id = $1 AND xmin = (SELECT xmin FROM centers WHERE id = $1)
  RETURNING id
)
SELECT CASE WHEN EXISTS (SELECT FROM c) THEN count(*)::integer ELSE center_changed_meanwhile() END AS added FROM ins`
