-- Dashboard rollups, smaller and per class set (issue 11). Migration 010's rollups held 36-
-- character station, session and passport UUIDs in every row, and a school's misconceptions
-- read ~80 K answers through a 54 MiB index of the events to count distinct students (150 ms at
-- 1 M events). Here:
--  * dash_keys / dash_items: a dictionary; the rollups hold small integers (0 = none), days as
--    yyyymmdd integers. Keys are never deleted, so an id always means the same thing.
--  * Rollups that need students (play_rollup, answer_rollup) start with the passport's class set
--    (batch) and hold the passport: a school or grade filter reads only its class sets' rows, in
--    (class set, exhibit or item, passport) order, so distinct students are counted per class set
--    without a sort and summed (a passport is in one class set).
--  * done_rollup: completion times in order per exhibit, one row per completion (its events.seq),
--    so medians and p90 are read at an offset in SQL instead of sent to JavaScript.
-- One trigger per change of events keeps them all, in the statement that changes the event (a
-- resent, ignored insert fires nothing); a row whose counters reach zero is removed.
-- src/server/dashboard/__tests__/rollups.test.ts holds every view equal to a scan of events.
DROP TRIGGER play_rollup_insert;
DROP TRIGGER play_rollup_delete;
DROP TRIGGER play_rollup_update;
DROP TRIGGER item_rollup_insert;
DROP TRIGGER item_rollup_delete;
DROP TRIGGER item_rollup_update;
DROP TABLE play_rollup;
DROP TABLE item_rollup;
DROP TABLE item_month_rollup;
-- Replaced by answer_rollup; events_completed goes back to what the live stats read (001).
DROP INDEX events_items_by_passport;
DROP INDEX events_completed;
CREATE INDEX events_completed ON events (exhibit_id, duration_ms, day) WHERE type = 'exhibit-completed';

CREATE TABLE dash_keys (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('batch', 'exhibit', 'station', 'session', 'passport', 'choice')),
  value         TEXT NOT NULL,
  UNIQUE (kind, value)
);
CREATE TABLE dash_items (
  id            INTEGER PRIMARY KEY,
  exhibit_id    TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('quiz', 'step')),
  item_id       TEXT NOT NULL,
  UNIQUE (exhibit_id, kind, item_id)
);

-- Plays per class set, exhibit, passport, day, station and class session.
CREATE TABLE play_rollup (
  batch         INTEGER NOT NULL,
  exhibit       INTEGER NOT NULL,
  passport      INTEGER NOT NULL,
  day           INTEGER NOT NULL,
  station       INTEGER NOT NULL,
  session       INTEGER NOT NULL,
  starts        INTEGER NOT NULL,
  vr_starts     INTEGER NOT NULL,
  completions   INTEGER NOT NULL,
  crashes       INTEGER NOT NULL,
  PRIMARY KEY (batch, exhibit, passport, day, station, session)
) WITHOUT ROWID;
-- Completion times: exhibit then duration order, one row per completion (seq of events).
CREATE TABLE done_rollup (
  exhibit       INTEGER NOT NULL,
  duration      INTEGER NOT NULL,
  batch         INTEGER NOT NULL,
  day           INTEGER NOT NULL,
  station       INTEGER NOT NULL,
  session       INTEGER NOT NULL,
  passport      INTEGER NOT NULL,
  seq           INTEGER NOT NULL,
  PRIMARY KEY (exhibit, duration, batch, day, station, session, passport, seq)
) WITHOUT ROWID;
-- A passport's completions, to move them when its class set changes.
CREATE INDEX done_rollup_passport ON done_rollup (passport) WHERE passport <> 0;
-- Quiz answers and steps per passport (a school's or grade's misconceptions and trend):
-- right/wrong and the wrong choice (0 when right or a completed step). No session: a session's
-- views read its own events (events_session), a few thousand.
CREATE TABLE answer_rollup (
  batch         INTEGER NOT NULL,
  item          INTEGER NOT NULL,
  passport      INTEGER NOT NULL,
  day           INTEGER NOT NULL,
  station       INTEGER NOT NULL,
  wrong         INTEGER NOT NULL,
  choice        INTEGER NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (batch, item, passport, day, station, wrong, choice)
) WITHOUT ROWID;
-- The same without passport, class set or session, by day and by month (yyyymm): the whole
-- center's misconceptions and trend read 12 months of the second and the days of partly
-- covered months from the first.
CREATE TABLE item_rollup (
  day           INTEGER NOT NULL,
  item          INTEGER NOT NULL,
  station       INTEGER NOT NULL,
  wrong         INTEGER NOT NULL,
  choice        INTEGER NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (day, item, station, wrong, choice)
) WITHOUT ROWID;
CREATE TABLE item_month_rollup (
  month         INTEGER NOT NULL,
  item          INTEGER NOT NULL,
  station       INTEGER NOT NULL,
  wrong         INTEGER NOT NULL,
  choice        INTEGER NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (month, item, station, wrong, choice)
) WITHOUT ROWID;

CREATE TRIGGER dash_events_insert AFTER INSERT ON events
WHEN NEW.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') OR (NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL) BEGIN
  INSERT OR IGNORE INTO dash_keys (kind, value) SELECT k, v FROM (SELECT 'station' AS k, NEW.station_id AS v UNION ALL SELECT 'exhibit', NEW.exhibit_id
    UNION ALL SELECT 'session', NEW.session_id UNION ALL SELECT 'passport', NEW.passport_id
    UNION ALL SELECT 'choice', CASE WHEN (NEW.type = 'step-mistake' OR NEW.correct IS 0) THEN json_extract(NEW.data, '$.choiceId') END) WHERE v IS NOT NULL;
  INSERT OR IGNORE INTO dash_items (exhibit_id, kind, item_id) SELECT NEW.exhibit_id, CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END, NEW.item_id WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL;
  INSERT INTO play_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = NEW.exhibit_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = NEW.session_id), 0),
    NEW.type = 'exhibit-started', NEW.type = 'exhibit-started' AND json_extract(NEW.data, '$.mode') IS 'vr', NEW.type = 'exhibit-completed', NEW.type = 'exhibit-crashed' WHERE NEW.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed')
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
  INSERT INTO done_rollup SELECT (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = NEW.exhibit_id), NEW.duration_ms, coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = NEW.session_id), 0), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), NEW.seq WHERE NEW.type = 'exhibit-completed' AND NEW.duration_ms IS NOT NULL;
  INSERT INTO answer_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), (SELECT id FROM dash_items WHERE exhibit_id = NEW.exhibit_id AND kind = CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), (NEW.type = 'step-mistake' OR NEW.correct IS 0), CASE WHEN (NEW.type = 'step-mistake' OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_rollup SELECT CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_items WHERE exhibit_id = NEW.exhibit_id AND kind = CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), (NEW.type = 'step-mistake' OR NEW.correct IS 0), CASE WHEN (NEW.type = 'step-mistake' OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_month_rollup SELECT CAST(replace(NEW.day, '-', '') AS INTEGER) / 100, (SELECT id FROM dash_items WHERE exhibit_id = NEW.exhibit_id AND kind = CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), (NEW.type = 'step-mistake' OR NEW.correct IS 0), CASE WHEN (NEW.type = 'step-mistake' OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER dash_events_delete AFTER DELETE ON events
WHEN OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') OR (OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL) BEGIN
  UPDATE play_rollup SET starts = starts - (OLD.type = 'exhibit-started'), vr_starts = vr_starts - (OLD.type = 'exhibit-started' AND json_extract(OLD.data, '$.mode') IS 'vr'),
    completions = completions - (OLD.type = 'exhibit-completed'), crashes = crashes - (OLD.type = 'exhibit-crashed')
  WHERE OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = OLD.exhibit_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND session = coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = OLD.session_id), 0);
  DELETE FROM play_rollup WHERE OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = OLD.exhibit_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND session = coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = OLD.session_id), 0) AND starts = 0 AND completions = 0 AND crashes = 0;
  DELETE FROM done_rollup WHERE OLD.type = 'exhibit-completed' AND OLD.duration_ms IS NOT NULL AND exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = OLD.exhibit_id) AND duration = OLD.duration_ms AND seq = OLD.seq;
  UPDATE answer_rollup SET n = n - 1 WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM answer_rollup WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  UPDATE item_rollup SET n = n - 1 WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM item_rollup WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  UPDATE item_month_rollup SET n = n - 1 WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND month = CAST(replace(OLD.day, '-', '') AS INTEGER) / 100 AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM item_month_rollup WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND month = CAST(replace(OLD.day, '-', '') AS INTEGER) / 100 AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  DELETE FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id
    AND NOT EXISTS (SELECT 1 FROM events WHERE passport_id = OLD.passport_id);
END;
-- Retention and erasure remove a passport id; an edit may change any key. The old contribution
-- goes, the new one comes (either may be nothing).
CREATE TRIGGER dash_events_update AFTER UPDATE OF day, station_id, session_id, passport_id, exhibit_id, type, item_id, correct, duration_ms, data ON events
WHEN OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') OR (OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL)
  OR NEW.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') OR (NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL) BEGIN
  UPDATE play_rollup SET starts = starts - (OLD.type = 'exhibit-started'), vr_starts = vr_starts - (OLD.type = 'exhibit-started' AND json_extract(OLD.data, '$.mode') IS 'vr'),
    completions = completions - (OLD.type = 'exhibit-completed'), crashes = crashes - (OLD.type = 'exhibit-crashed')
  WHERE OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = OLD.exhibit_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND session = coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = OLD.session_id), 0);
  DELETE FROM play_rollup WHERE OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = OLD.exhibit_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND session = coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = OLD.session_id), 0) AND starts = 0 AND completions = 0 AND crashes = 0;
  DELETE FROM done_rollup WHERE OLD.type = 'exhibit-completed' AND OLD.duration_ms IS NOT NULL AND exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = OLD.exhibit_id) AND duration = OLD.duration_ms AND seq = OLD.seq;
  UPDATE answer_rollup SET n = n - 1 WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM answer_rollup WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  UPDATE item_rollup SET n = n - 1 WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM item_rollup WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  UPDATE item_month_rollup SET n = n - 1 WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND month = CAST(replace(OLD.day, '-', '') AS INTEGER) / 100 AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM item_month_rollup WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL AND month = CAST(replace(OLD.day, '-', '') AS INTEGER) / 100 AND item = (SELECT id FROM dash_items WHERE exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = OLD.station_id) AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 'step-mistake' OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  INSERT OR IGNORE INTO dash_keys (kind, value) SELECT k, v FROM (SELECT 'station' AS k, NEW.station_id AS v UNION ALL SELECT 'exhibit', NEW.exhibit_id
    UNION ALL SELECT 'session', NEW.session_id UNION ALL SELECT 'passport', NEW.passport_id
    UNION ALL SELECT 'choice', CASE WHEN (NEW.type = 'step-mistake' OR NEW.correct IS 0) THEN json_extract(NEW.data, '$.choiceId') END) WHERE v IS NOT NULL;
  INSERT OR IGNORE INTO dash_items (exhibit_id, kind, item_id) SELECT NEW.exhibit_id, CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END, NEW.item_id WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL;
  INSERT INTO play_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = NEW.exhibit_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = NEW.session_id), 0),
    NEW.type = 'exhibit-started', NEW.type = 'exhibit-started' AND json_extract(NEW.data, '$.mode') IS 'vr', NEW.type = 'exhibit-completed', NEW.type = 'exhibit-crashed' WHERE NEW.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed')
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
  INSERT INTO done_rollup SELECT (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = NEW.exhibit_id), NEW.duration_ms, coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = NEW.session_id), 0), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), NEW.seq WHERE NEW.type = 'exhibit-completed' AND NEW.duration_ms IS NOT NULL;
  INSERT INTO answer_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), (SELECT id FROM dash_items WHERE exhibit_id = NEW.exhibit_id AND kind = CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), (NEW.type = 'step-mistake' OR NEW.correct IS 0), CASE WHEN (NEW.type = 'step-mistake' OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_rollup SELECT CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_items WHERE exhibit_id = NEW.exhibit_id AND kind = CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), (NEW.type = 'step-mistake' OR NEW.correct IS 0), CASE WHEN (NEW.type = 'step-mistake' OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_month_rollup SELECT CAST(replace(NEW.day, '-', '') AS INTEGER) / 100, (SELECT id FROM dash_items WHERE exhibit_id = NEW.exhibit_id AND kind = CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), (NEW.type = 'step-mistake' OR NEW.correct IS 0), CASE WHEN (NEW.type = 'step-mistake' OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  DELETE FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id
    AND NOT EXISTS (SELECT 1 FROM events WHERE passport_id = OLD.passport_id);
END;

-- A passport code stays in dash_keys only while some event holds it: erasure and retention
-- (passport_id set to NULL) and deleted events forget it. Events the rollups do not count are
-- handled here; the triggers above forget at their end, after their rows have moved.
CREATE TRIGGER dash_forget_update AFTER UPDATE OF passport_id, type, item_id ON events
WHEN OLD.passport_id IS NOT NULL AND OLD.passport_id IS NOT NEW.passport_id
  AND NOT (OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') OR (OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL)
    OR NEW.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') OR (NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL)) BEGIN
  DELETE FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id
    AND NOT EXISTS (SELECT 1 FROM events WHERE passport_id = OLD.passport_id);
END;
CREATE TRIGGER dash_forget_delete AFTER DELETE ON events
WHEN OLD.passport_id IS NOT NULL AND NOT (OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') OR (OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL)) BEGIN
  DELETE FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id
    AND NOT EXISTS (SELECT 1 FROM events WHERE passport_id = OLD.passport_id);
END;

-- A passport joining, leaving or changing its class set moves its rows to the new set's key
-- (0: none), so a school or grade filter always sees the class sets as they are now.
CREATE TRIGGER dash_batch_key AFTER INSERT ON passport_batches BEGIN
  INSERT OR IGNORE INTO dash_keys (kind, value) VALUES ('batch', NEW.id);
END;
CREATE TRIGGER dash_passport_insert AFTER INSERT ON passports WHEN NEW.batch_id IS NOT NULL BEGIN
  INSERT INTO play_rollup SELECT coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0), exhibit, passport, day, station, session, starts, vr_starts, completions, crashes FROM play_rollup
    WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0)
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
  DELETE FROM play_rollup WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0);
  INSERT INTO answer_rollup SELECT coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0), item, passport, day, station, wrong, choice, n FROM answer_rollup
    WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0)
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  DELETE FROM answer_rollup WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0);
  UPDATE done_rollup SET batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0) WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0);
END;
CREATE TRIGGER dash_passport_update AFTER UPDATE OF batch_id ON passports WHEN OLD.batch_id IS NOT NEW.batch_id BEGIN
  INSERT INTO play_rollup SELECT coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0), exhibit, passport, day, station, session, starts, vr_starts, completions, crashes FROM play_rollup
    WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0)
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
  DELETE FROM play_rollup WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0);
  INSERT INTO answer_rollup SELECT coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0), item, passport, day, station, wrong, choice, n FROM answer_rollup
    WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0)
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  DELETE FROM answer_rollup WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0);
  UPDATE done_rollup SET batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0) WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NEW.batch_id), 0);
END;
CREATE TRIGGER dash_passport_delete AFTER DELETE ON passports WHEN OLD.batch_id IS NOT NULL BEGIN
  INSERT INTO play_rollup SELECT coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0), exhibit, passport, day, station, session, starts, vr_starts, completions, crashes FROM play_rollup
    WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0)
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
  DELETE FROM play_rollup WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0);
  INSERT INTO answer_rollup SELECT coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0), item, passport, day, station, wrong, choice, n FROM answer_rollup
    WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0)
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  DELETE FROM answer_rollup WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0);
  UPDATE done_rollup SET batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0) WHERE batch = coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) AND passport = (SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.code) AND coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = OLD.batch_id), 0) <> coalesce((SELECT id FROM dash_keys WHERE kind = 'batch' AND value = NULL), 0);
END;

-- Backfill from the events already stored (also run by the rollup test against the trigger-kept rows).
INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'batch', id FROM passport_batches ORDER BY created_ms, id;
INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'exhibit', exhibit_id FROM events GROUP BY exhibit_id;
INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'station', station_id FROM events GROUP BY station_id;
INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'session', session_id FROM events WHERE session_id IS NOT NULL GROUP BY session_id;
INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'passport', passport_id FROM events WHERE passport_id IS NOT NULL GROUP BY passport_id;
INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'choice', c FROM (SELECT json_extract(data, '$.choiceId') AS c FROM events e WHERE e.type IN ('answer-given', 'step-completed', 'step-mistake') AND e.item_id IS NOT NULL AND (e.type = 'step-mistake' OR e.correct IS 0)) WHERE c IS NOT NULL GROUP BY c;
INSERT OR IGNORE INTO dash_items (exhibit_id, kind, item_id) SELECT exhibit_id, CASE WHEN e.type = 'answer-given' THEN 'quiz' ELSE 'step' END AS k, item_id FROM events e WHERE e.type IN ('answer-given', 'step-completed', 'step-mistake') AND e.item_id IS NOT NULL GROUP BY exhibit_id, k, item_id;
INSERT INTO play_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = e.passport_id), 0), (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = e.exhibit_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = e.passport_id), 0), CAST(replace(e.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = e.station_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = e.session_id), 0),
    SUM(e.type = 'exhibit-started'), SUM(e.type = 'exhibit-started' AND json_extract(e.data, '$.mode') IS 'vr'), SUM(e.type = 'exhibit-completed'), SUM(e.type = 'exhibit-crashed')
  FROM events e WHERE e.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO done_rollup SELECT (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = e.exhibit_id), e.duration_ms, coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = e.passport_id), 0), CAST(replace(e.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = e.station_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'session' AND value = e.session_id), 0), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = e.passport_id), 0), e.seq FROM events e WHERE e.type = 'exhibit-completed' AND e.duration_ms IS NOT NULL;
INSERT INTO answer_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = e.passport_id), 0), (SELECT id FROM dash_items WHERE exhibit_id = e.exhibit_id AND kind = CASE WHEN e.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = e.item_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = e.passport_id), 0), CAST(replace(e.day, '-', '') AS INTEGER), (SELECT id FROM dash_keys WHERE kind = 'station' AND value = e.station_id), (e.type = 'step-mistake' OR e.correct IS 0), CASE WHEN (e.type = 'step-mistake' OR e.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(e.data, '$.choiceId')), 0) ELSE 0 END, COUNT(*)
  FROM events e WHERE e.type IN ('answer-given', 'step-completed', 'step-mistake') AND e.item_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO item_rollup SELECT day, item, station, wrong, choice, SUM(n) FROM answer_rollup GROUP BY 1, 2, 3, 4, 5;
INSERT INTO item_month_rollup SELECT day / 100, item, station, wrong, choice, SUM(n) FROM item_rollup GROUP BY 1, 2, 3, 4, 5;

