-- Compact event storage (issue 11: database size per million events). Events held their
-- 36-character UUIDs as text in every row and index (event id, station, class session) and
-- their exhibit and type as text: ~240 bytes a row, 344 MiB per million events with indexes.
-- Now the table `event_store` holds:
--  * uid: the event's UUID as 16 bytes when it is written the canonical way (lowercase, with
--    dashes), so it turns back into exactly the same text; any other spelling is kept as sent;
--  * station, session, exhibit: dash_keys ids (migration 014's dictionary; every event now has
--    its keys; only `npm run seed -- --clear` removes some, after the events holding them);
--  * type: an event_types code (fixed for the known types, so partial indexes can name them).
-- `events` becomes a view that gives every row back exactly as it was stored before, so every
-- reader (exports, xAPI, the district forwarder, per-passport views) keeps its SQL; INSTEAD OF
-- triggers let tests and tools keep writing to it. Writes whose `changes` count go to
-- event_store (src/server/db/event-store.ts): a statement on a view reports 0 changes.
-- The triggers of 001, 011 and 014 move to event_store unchanged in meaning, comparing codes
-- and ids where they compared text. The server runs VACUUM once after this migration (database.ts).
CREATE TABLE event_types (
  code          INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE
);
INSERT INTO event_types (code, name) VALUES (1, 'exhibit-started'), (2, 'step-completed'), (3, 'step-mistake'), (4, 'answer-given'),
  (5, 'exhibit-completed'), (6, 'stamp-awarded'), (7, 'exhibit-crashed'), (8, 'exhibit-exited');
INSERT OR IGNORE INTO event_types (name) SELECT type FROM events GROUP BY type;

INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'exhibit', exhibit_id FROM events GROUP BY exhibit_id;
INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'station', station_id FROM events GROUP BY station_id;
INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'session', session_id FROM events WHERE session_id IS NOT NULL GROUP BY session_id;

CREATE TABLE event_store (
  seq           INTEGER PRIMARY KEY,
  uid           BLOB NOT NULL UNIQUE,
  time_ms       INTEGER NOT NULL,
  day           TEXT NOT NULL,
  received_ms   INTEGER NOT NULL,
  station       INTEGER NOT NULL,
  session       INTEGER,
  passport_id   TEXT,
  exhibit       INTEGER NOT NULL,
  type          INTEGER NOT NULL,
  item_id       TEXT,
  correct       INTEGER,
  duration_ms   INTEGER,
  data          TEXT NOT NULL
);
INSERT INTO event_store (seq, uid, time_ms, day, received_ms, station, session, passport_id, exhibit, type, item_id, correct, duration_ms, data)
  SELECT e.seq, CASE WHEN length(e.id) = 36 AND e.id = lower(e.id) AND substr(e.id, 9, 1) || substr(e.id, 14, 1) || substr(e.id, 19, 1) || substr(e.id, 24, 1) = '----' AND length(unhex(replace(e.id, '-', ''))) = 16 THEN unhex(replace(e.id, '-', '')) ELSE e.id END, e.time_ms, e.day, e.received_ms,
    (SELECT id FROM dash_keys WHERE kind = 'station' AND value = e.station_id), (SELECT id FROM dash_keys WHERE kind = 'session' AND value = e.session_id),
    e.passport_id, (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = e.exhibit_id), (SELECT code FROM event_types WHERE name = e.type),
    e.item_id, e.correct, e.duration_ms, e.data
  FROM events e ORDER BY e.seq;
-- Its indexes and triggers go with it.
DROP TABLE events;

CREATE INDEX events_passport ON event_store (passport_id, time_ms) WHERE passport_id IS NOT NULL;
CREATE INDEX events_session ON event_store (session, time_ms) WHERE session IS NOT NULL;
CREATE INDEX events_completed ON event_store (exhibit, duration_ms, day) WHERE type = 5;
CREATE INDEX events_stamps ON event_store (passport_id, item_id, day, session) WHERE type = 6 AND passport_id IS NOT NULL;
CREATE INDEX events_walk_ins ON event_store (day) WHERE type = 1 AND passport_id IS NULL;

-- The key filters name the kind, so a filter on a text id reads dash_keys' (kind, value) index
-- and then the event_store index of that column.
CREATE VIEW events AS SELECT e.seq AS seq,
    CASE WHEN typeof(e.uid) = 'blob' THEN lower(substr(hex(e.uid), 1, 8) || '-' || substr(hex(e.uid), 9, 4) || '-' || substr(hex(e.uid), 13, 4) || '-'
      || substr(hex(e.uid), 17, 4) || '-' || substr(hex(e.uid), 21)) ELSE e.uid END AS id,
    e.time_ms AS time_ms, e.day AS day, e.received_ms AS received_ms, s.value AS station_id, ss.value AS session_id, e.passport_id AS passport_id,
    x.value AS exhibit_id, t.name AS type, e.item_id AS item_id, e.correct AS correct, e.duration_ms AS duration_ms, e.data AS data
  FROM event_store e
    LEFT JOIN dash_keys s ON s.id = e.station AND s.kind = 'station'
    LEFT JOIN dash_keys ss ON ss.id = e.session AND ss.kind = 'session'
    LEFT JOIN dash_keys x ON x.id = e.exhibit AND x.kind = 'exhibit'
    LEFT JOIN event_types t ON t.code = e.type;

CREATE TRIGGER events_view_insert INSTEAD OF INSERT ON events BEGIN
  INSERT OR IGNORE INTO dash_keys (kind, value) SELECT k, v FROM (SELECT 'station' AS k, NEW.station_id AS v UNION ALL SELECT 'exhibit', NEW.exhibit_id
    UNION ALL SELECT 'session', NEW.session_id) WHERE v IS NOT NULL;
  INSERT OR IGNORE INTO event_types (name) SELECT NEW.type WHERE NEW.type IS NOT NULL;
  INSERT INTO event_store (seq, uid, time_ms, day, received_ms, station, session, passport_id, exhibit, type, item_id, correct, duration_ms, data)
    VALUES (NEW.seq, CASE WHEN length(NEW.id) = 36 AND NEW.id = lower(NEW.id) AND substr(NEW.id, 9, 1) || substr(NEW.id, 14, 1) || substr(NEW.id, 19, 1) || substr(NEW.id, 24, 1) = '----' AND length(unhex(replace(NEW.id, '-', ''))) = 16 THEN unhex(replace(NEW.id, '-', '')) ELSE NEW.id END, NEW.time_ms, NEW.day, NEW.received_ms, (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id),
      (SELECT id FROM dash_keys WHERE kind = 'session' AND value = NEW.session_id), NEW.passport_id, (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = NEW.exhibit_id),
      (SELECT code FROM event_types WHERE name = NEW.type), NEW.item_id, NEW.correct, NEW.duration_ms, NEW.data);
END;
CREATE TRIGGER events_view_update INSTEAD OF UPDATE ON events BEGIN
  INSERT OR IGNORE INTO dash_keys (kind, value) SELECT k, v FROM (SELECT 'station' AS k, NEW.station_id AS v UNION ALL SELECT 'exhibit', NEW.exhibit_id
    UNION ALL SELECT 'session', NEW.session_id) WHERE v IS NOT NULL;
  INSERT OR IGNORE INTO event_types (name) SELECT NEW.type WHERE NEW.type IS NOT NULL;
  UPDATE event_store SET seq = NEW.seq, uid = CASE WHEN length(NEW.id) = 36 AND NEW.id = lower(NEW.id) AND substr(NEW.id, 9, 1) || substr(NEW.id, 14, 1) || substr(NEW.id, 19, 1) || substr(NEW.id, 24, 1) = '----' AND length(unhex(replace(NEW.id, '-', ''))) = 16 THEN unhex(replace(NEW.id, '-', '')) ELSE NEW.id END, time_ms = NEW.time_ms, day = NEW.day, received_ms = NEW.received_ms,
    station = (SELECT id FROM dash_keys WHERE kind = 'station' AND value = NEW.station_id), session = (SELECT id FROM dash_keys WHERE kind = 'session' AND value = NEW.session_id),
    passport_id = NEW.passport_id, exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = NEW.exhibit_id), type = (SELECT code FROM event_types WHERE name = NEW.type),
    item_id = NEW.item_id, correct = NEW.correct, duration_ms = NEW.duration_ms, data = NEW.data
  WHERE seq = OLD.seq;
END;
CREATE TRIGGER events_view_delete INSTEAD OF DELETE ON events BEGIN
  DELETE FROM event_store WHERE seq = OLD.seq;
END;

-- 001's totals, 011's district cursor and 014's rollups, on event_store.
CREATE TRIGGER events_totals AFTER INSERT ON event_store BEGIN
  INSERT INTO daily_counts (day, exhibit_id, type, n)
    VALUES (NEW.day, (SELECT value FROM dash_keys WHERE id = NEW.exhibit), (SELECT name FROM event_types WHERE code = NEW.type), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO session_counts (session_id, exhibit_id, type, n, first_day, last_day)
    SELECT (SELECT value FROM dash_keys WHERE id = NEW.session), (SELECT value FROM dash_keys WHERE id = NEW.exhibit), (SELECT name FROM event_types WHERE code = NEW.type), 1, NEW.day, NEW.day WHERE NEW.session IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, first_day = min(first_day, excluded.first_day), last_day = max(last_day, excluded.last_day);
  INSERT OR IGNORE INTO daily_visitors (day, passport_id)
    SELECT NEW.day, NEW.passport_id WHERE NEW.passport_id IS NOT NULL;
  INSERT OR IGNORE INTO session_visitors (session_id, passport_id)
    SELECT (SELECT value FROM dash_keys WHERE id = NEW.session), NEW.passport_id WHERE NEW.session IS NOT NULL AND NEW.passport_id IS NOT NULL;
  INSERT INTO quiz_counts (day, exhibit_id, quiz_id, answers, wrong)
    SELECT NEW.day, (SELECT value FROM dash_keys WHERE id = NEW.exhibit), NEW.item_id, 1, 1 - NEW.correct WHERE NEW.type = 4
    ON CONFLICT DO UPDATE SET answers = answers + 1, wrong = wrong + excluded.wrong;
END;
CREATE TRIGGER events_delete_pulls_district_cursor AFTER DELETE ON event_store
WHEN OLD.seq <= (SELECT max(last_seq) FROM district_forwarder)
BEGIN
  UPDATE district_forwarder SET last_seq = coalesce((SELECT max(seq) FROM event_store), 0)
    WHERE last_seq > coalesce((SELECT max(seq) FROM event_store), 0);
END;
CREATE TRIGGER dash_events_insert AFTER INSERT ON event_store
WHEN NEW.type IN (1, 5, 7) OR (NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL) BEGIN
  INSERT OR IGNORE INTO dash_keys (kind, value) SELECT k, v FROM (SELECT 'passport' AS k, NEW.passport_id AS v
    UNION ALL SELECT 'choice', CASE WHEN (NEW.type = 3 OR NEW.correct IS 0) THEN json_extract(NEW.data, '$.choiceId') END) WHERE v IS NOT NULL;
  INSERT OR IGNORE INTO dash_items (exhibit_id, kind, item_id) SELECT (SELECT value FROM dash_keys WHERE id = NEW.exhibit), CASE WHEN NEW.type = 4 THEN 'quiz' ELSE 'step' END, NEW.item_id WHERE NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL;
  INSERT INTO play_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), NEW.exhibit, coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), NEW.station, coalesce(NEW.session, 0),
    NEW.type = 1, NEW.type = 1 AND json_extract(NEW.data, '$.mode') IS 'vr', NEW.type = 5, NEW.type = 7 WHERE NEW.type IN (1, 5, 7)
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
  INSERT INTO done_rollup SELECT NEW.exhibit, NEW.duration_ms, coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), NEW.station, coalesce(NEW.session, 0), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), NEW.seq WHERE NEW.type = 5 AND NEW.duration_ms IS NOT NULL;
  INSERT INTO answer_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = NEW.exhibit) AND kind = CASE WHEN NEW.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), NEW.station, (NEW.type = 3 OR NEW.correct IS 0), CASE WHEN (NEW.type = 3 OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_rollup SELECT CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = NEW.exhibit) AND kind = CASE WHEN NEW.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), NEW.station, (NEW.type = 3 OR NEW.correct IS 0), CASE WHEN (NEW.type = 3 OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_month_rollup SELECT CAST(replace(NEW.day, '-', '') AS INTEGER) / 100, (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = NEW.exhibit) AND kind = CASE WHEN NEW.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), NEW.station, (NEW.type = 3 OR NEW.correct IS 0), CASE WHEN (NEW.type = 3 OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER dash_events_delete AFTER DELETE ON event_store
WHEN OLD.type IN (1, 5, 7) OR (OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL) BEGIN
  UPDATE play_rollup SET starts = starts - (OLD.type = 1), vr_starts = vr_starts - (OLD.type = 1 AND json_extract(OLD.data, '$.mode') IS 'vr'),
    completions = completions - (OLD.type = 5), crashes = crashes - (OLD.type = 7)
  WHERE OLD.type IN (1, 5, 7) AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND exhibit = OLD.exhibit AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = OLD.station AND session = coalesce(OLD.session, 0);
  DELETE FROM play_rollup WHERE OLD.type IN (1, 5, 7) AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND exhibit = OLD.exhibit AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = OLD.station AND session = coalesce(OLD.session, 0) AND starts = 0 AND completions = 0 AND crashes = 0;
  DELETE FROM done_rollup WHERE OLD.type = 5 AND OLD.duration_ms IS NOT NULL AND exhibit = OLD.exhibit AND duration = OLD.duration_ms AND seq = OLD.seq;
  UPDATE answer_rollup SET n = n - 1 WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM answer_rollup WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  UPDATE item_rollup SET n = n - 1 WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM item_rollup WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  UPDATE item_month_rollup SET n = n - 1 WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND month = CAST(replace(OLD.day, '-', '') AS INTEGER) / 100 AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM item_month_rollup WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND month = CAST(replace(OLD.day, '-', '') AS INTEGER) / 100 AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  DELETE FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id
    AND NOT EXISTS (SELECT 1 FROM event_store WHERE passport_id = OLD.passport_id);
END;
CREATE TRIGGER dash_events_update AFTER UPDATE OF day, station, session, passport_id, exhibit, type, item_id, correct, duration_ms, data ON event_store
WHEN OLD.type IN (1, 5, 7) OR (OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL)
  OR NEW.type IN (1, 5, 7) OR (NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL) BEGIN
  UPDATE play_rollup SET starts = starts - (OLD.type = 1), vr_starts = vr_starts - (OLD.type = 1 AND json_extract(OLD.data, '$.mode') IS 'vr'),
    completions = completions - (OLD.type = 5), crashes = crashes - (OLD.type = 7)
  WHERE OLD.type IN (1, 5, 7) AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND exhibit = OLD.exhibit AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = OLD.station AND session = coalesce(OLD.session, 0);
  DELETE FROM play_rollup WHERE OLD.type IN (1, 5, 7) AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND exhibit = OLD.exhibit AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = OLD.station AND session = coalesce(OLD.session, 0) AND starts = 0 AND completions = 0 AND crashes = 0;
  DELETE FROM done_rollup WHERE OLD.type = 5 AND OLD.duration_ms IS NOT NULL AND exhibit = OLD.exhibit AND duration = OLD.duration_ms AND seq = OLD.seq;
  UPDATE answer_rollup SET n = n - 1 WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM answer_rollup WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND batch = coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = OLD.passport_id), 0) AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND passport = coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id), 0) AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  UPDATE item_rollup SET n = n - 1 WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM item_rollup WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND day = CAST(replace(OLD.day, '-', '') AS INTEGER) AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  UPDATE item_month_rollup SET n = n - 1 WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND month = CAST(replace(OLD.day, '-', '') AS INTEGER) / 100 AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END;
  DELETE FROM item_month_rollup WHERE OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL AND month = CAST(replace(OLD.day, '-', '') AS INTEGER) / 100 AND item = (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = OLD.exhibit) AND kind = CASE WHEN OLD.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id) AND station = OLD.station AND wrong = (OLD.type = 3 OR OLD.correct IS 0) AND choice = CASE WHEN (OLD.type = 3 OR OLD.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(OLD.data, '$.choiceId')), 0) ELSE 0 END AND n = 0;
  INSERT OR IGNORE INTO dash_keys (kind, value) SELECT k, v FROM (SELECT 'station' AS k, (SELECT value FROM dash_keys WHERE id = NEW.station) AS v UNION ALL SELECT 'exhibit', (SELECT value FROM dash_keys WHERE id = NEW.exhibit)
    UNION ALL SELECT 'session', (SELECT value FROM dash_keys WHERE id = NEW.session) UNION ALL SELECT 'passport', NEW.passport_id
    UNION ALL SELECT 'choice', CASE WHEN (NEW.type = 3 OR NEW.correct IS 0) THEN json_extract(NEW.data, '$.choiceId') END) WHERE v IS NOT NULL;
  INSERT OR IGNORE INTO dash_items (exhibit_id, kind, item_id) SELECT (SELECT value FROM dash_keys WHERE id = NEW.exhibit), CASE WHEN NEW.type = 4 THEN 'quiz' ELSE 'step' END, NEW.item_id WHERE NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL;
  INSERT INTO play_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), NEW.exhibit, coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), NEW.station, coalesce(NEW.session, 0),
    NEW.type = 1, NEW.type = 1 AND json_extract(NEW.data, '$.mode') IS 'vr', NEW.type = 5, NEW.type = 7 WHERE NEW.type IN (1, 5, 7)
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
  INSERT INTO done_rollup SELECT NEW.exhibit, NEW.duration_ms, coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), NEW.station, coalesce(NEW.session, 0), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), NEW.seq WHERE NEW.type = 5 AND NEW.duration_ms IS NOT NULL;
  INSERT INTO answer_rollup SELECT coalesce((SELECT k.id FROM passports p JOIN dash_keys k ON k.kind = 'batch' AND k.value = p.batch_id WHERE p.code = NEW.passport_id), 0), (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = NEW.exhibit) AND kind = CASE WHEN NEW.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), coalesce((SELECT id FROM dash_keys WHERE kind = 'passport' AND value = NEW.passport_id), 0), CAST(replace(NEW.day, '-', '') AS INTEGER), NEW.station, (NEW.type = 3 OR NEW.correct IS 0), CASE WHEN (NEW.type = 3 OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_rollup SELECT CAST(replace(NEW.day, '-', '') AS INTEGER), (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = NEW.exhibit) AND kind = CASE WHEN NEW.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), NEW.station, (NEW.type = 3 OR NEW.correct IS 0), CASE WHEN (NEW.type = 3 OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_month_rollup SELECT CAST(replace(NEW.day, '-', '') AS INTEGER) / 100, (SELECT id FROM dash_items WHERE exhibit_id = (SELECT value FROM dash_keys WHERE id = NEW.exhibit) AND kind = CASE WHEN NEW.type = 4 THEN 'quiz' ELSE 'step' END AND item_id = NEW.item_id), NEW.station, (NEW.type = 3 OR NEW.correct IS 0), CASE WHEN (NEW.type = 3 OR NEW.correct IS 0) THEN coalesce((SELECT id FROM dash_keys WHERE kind = 'choice' AND value = json_extract(NEW.data, '$.choiceId')), 0) ELSE 0 END, 1 WHERE NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  DELETE FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id
    AND NOT EXISTS (SELECT 1 FROM event_store WHERE passport_id = OLD.passport_id);
END;
CREATE TRIGGER dash_forget_update AFTER UPDATE OF passport_id, type, item_id ON event_store
WHEN OLD.passport_id IS NOT NULL AND OLD.passport_id IS NOT NEW.passport_id
  AND NOT (OLD.type IN (1, 5, 7) OR (OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL)
    OR NEW.type IN (1, 5, 7) OR (NEW.type IN (4, 2, 3) AND NEW.item_id IS NOT NULL)) BEGIN
  DELETE FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id
    AND NOT EXISTS (SELECT 1 FROM event_store WHERE passport_id = OLD.passport_id);
END;
CREATE TRIGGER dash_forget_delete AFTER DELETE ON event_store
WHEN OLD.passport_id IS NOT NULL AND NOT (OLD.type IN (1, 5, 7) OR (OLD.type IN (4, 2, 3) AND OLD.item_id IS NOT NULL)) BEGIN
  DELETE FROM dash_keys WHERE kind = 'passport' AND value = OLD.passport_id
    AND NOT EXISTS (SELECT 1 FROM event_store WHERE passport_id = OLD.passport_id);
END;
