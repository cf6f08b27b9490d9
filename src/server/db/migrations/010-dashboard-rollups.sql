-- Dashboard rollups (issue 11): every view read raw events (0.4–21 s at 1 M events). These
-- tables hold the same figures grouped by the dimensions the views filter and group by. They
-- are kept by triggers in the statement that changes events (insert, delete, and an update such
-- as retention or erasure removing a passport id), so they can never drift from the events:
-- a duplicate (ignored) insert fires nothing, and a row whose counters all reach zero is removed.
-- src/server/dashboard/__tests__ compares every view against a plain scan of events.

-- Plays: one row per day, exhibit, station, class session and passport ('' for none: a walk-in,
-- or an event outside a session). Per passport so distinct students can be counted under any
-- filter (distinct counts do not add up across rows); ~40 K rows at 1 M events (3–4 % of them).
CREATE TABLE play_rollup (
  day           TEXT NOT NULL,
  exhibit_id    TEXT NOT NULL,
  station_id    TEXT NOT NULL,
  session_id    TEXT NOT NULL,
  passport_id   TEXT NOT NULL,
  starts        INTEGER NOT NULL,
  vr_starts     INTEGER NOT NULL,
  completions   INTEGER NOT NULL,
  crashes       INTEGER NOT NULL,
  PRIMARY KEY (day, exhibit_id, station_id, session_id, passport_id)
) WITHOUT ROWID;
-- In exhibit then passport order, so distinct students per exhibit are counted in one pass
-- without a sort (3 ms instead of 56 ms at 1 M events); covering, a copy of the table (~4 MiB).
CREATE INDEX play_rollup_exhibit ON play_rollup (exhibit_id, passport_id, day, station_id, session_id, starts, completions, vr_starts, crashes);
CREATE INDEX play_rollup_passport ON play_rollup (passport_id) WHERE passport_id <> '';
CREATE INDEX play_rollup_session ON play_rollup (session_id) WHERE session_id <> '';

-- Quiz answers and steps without the passport (a per-passport table would be as large as the
-- events: children answer each item about once): counts per day, exhibit, item, station,
-- right/wrong and the wrong choice ('' for a right answer or a completed step). Views scoped to
-- a school, grade or session need distinct students and read the covering index below instead.
CREATE TABLE item_rollup (
  day           TEXT NOT NULL,
  exhibit_id    TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('quiz', 'step')),
  item_id       TEXT NOT NULL,
  station_id    TEXT NOT NULL,
  wrong         INTEGER NOT NULL,
  choice_id     TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (day, exhibit_id, kind, item_id, station_id, wrong, choice_id)
) WITHOUT ROWID;
-- The same by month: a year's view reads 12 months of it plus the days of partly covered months.
CREATE TABLE item_month_rollup (
  month         TEXT NOT NULL,
  exhibit_id    TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('quiz', 'step')),
  item_id       TEXT NOT NULL,
  station_id    TEXT NOT NULL,
  wrong         INTEGER NOT NULL,
  choice_id     TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (month, exhibit_id, kind, item_id, station_id, wrong, choice_id)
) WITHOUT ROWID;

-- Misconception views scoped to a school or grade (distinct students needed): the columns they
-- read, so a school's answers come from the index alone, without the events' JSON. Station and
-- session ids (36-character UUIDs) are left out to halve its size: a session filter reads
-- events_session, and a station-kind filter on a school's view looks the rows up.
CREATE INDEX events_items_by_passport ON events
  (passport_id, type, day, exhibit_id, item_id, correct, json_extract(data, '$.choiceId'))
  WHERE passport_id IS NOT NULL AND type IN ('answer-given', 'step-completed', 'step-mistake');
-- Completion times (medians) under any filter, and core-set stamps per passport.
DROP INDEX events_completed;
CREATE INDEX events_completed ON events (exhibit_id, duration_ms, day, station_id, session_id, passport_id) WHERE type = 'exhibit-completed';
CREATE INDEX events_stamps ON events (passport_id, item_id, day, session_id) WHERE type = 'stamp-awarded' AND passport_id IS NOT NULL;

CREATE TRIGGER play_rollup_insert AFTER INSERT ON events
WHEN NEW.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') BEGIN
  INSERT INTO play_rollup VALUES (NEW.day, NEW.exhibit_id, NEW.station_id, coalesce(NEW.session_id, ''), coalesce(NEW.passport_id, ''),
    NEW.type = 'exhibit-started', NEW.type = 'exhibit-started' AND json_extract(NEW.data, '$.mode') IS 'vr',
    NEW.type = 'exhibit-completed', NEW.type = 'exhibit-crashed')
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
END;
CREATE TRIGGER play_rollup_delete AFTER DELETE ON events
WHEN OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') BEGIN
  UPDATE play_rollup SET starts = starts - (OLD.type = 'exhibit-started'),
    vr_starts = vr_starts - (OLD.type = 'exhibit-started' AND json_extract(OLD.data, '$.mode') IS 'vr'),
    completions = completions - (OLD.type = 'exhibit-completed'), crashes = crashes - (OLD.type = 'exhibit-crashed')
  WHERE day = OLD.day AND exhibit_id = OLD.exhibit_id AND station_id = OLD.station_id
    AND session_id = coalesce(OLD.session_id, '') AND passport_id = coalesce(OLD.passport_id, '');
  DELETE FROM play_rollup WHERE day = OLD.day AND exhibit_id = OLD.exhibit_id AND station_id = OLD.station_id
    AND session_id = coalesce(OLD.session_id, '') AND passport_id = coalesce(OLD.passport_id, '')
    AND starts = 0 AND completions = 0 AND crashes = 0;
END;
-- An update (retention and erasure set passport_id to NULL) moves the event from its old row to its new one.
CREATE TRIGGER play_rollup_update AFTER UPDATE OF day, exhibit_id, station_id, session_id, passport_id, type, data ON events
WHEN OLD.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') OR NEW.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') BEGIN
  UPDATE play_rollup SET starts = starts - (OLD.type = 'exhibit-started'),
    vr_starts = vr_starts - (OLD.type = 'exhibit-started' AND json_extract(OLD.data, '$.mode') IS 'vr'),
    completions = completions - (OLD.type = 'exhibit-completed'), crashes = crashes - (OLD.type = 'exhibit-crashed')
  WHERE day = OLD.day AND exhibit_id = OLD.exhibit_id AND station_id = OLD.station_id
    AND session_id = coalesce(OLD.session_id, '') AND passport_id = coalesce(OLD.passport_id, '');
  DELETE FROM play_rollup WHERE day = OLD.day AND exhibit_id = OLD.exhibit_id AND station_id = OLD.station_id
    AND session_id = coalesce(OLD.session_id, '') AND passport_id = coalesce(OLD.passport_id, '')
    AND starts = 0 AND completions = 0 AND crashes = 0;
  INSERT INTO play_rollup SELECT NEW.day, NEW.exhibit_id, NEW.station_id, coalesce(NEW.session_id, ''), coalesce(NEW.passport_id, ''),
    NEW.type = 'exhibit-started', NEW.type = 'exhibit-started' AND json_extract(NEW.data, '$.mode') IS 'vr',
    NEW.type = 'exhibit-completed', NEW.type = 'exhibit-crashed'
    WHERE NEW.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed')
  ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, vr_starts = vr_starts + excluded.vr_starts,
    completions = completions + excluded.completions, crashes = crashes + excluded.crashes;
END;

-- An item event's key: kind, wrong (0/1) and the wrong choice ('' when right or a completed step).
CREATE TRIGGER item_rollup_insert AFTER INSERT ON events
WHEN NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL BEGIN
  INSERT INTO item_rollup SELECT NEW.day, NEW.exhibit_id, k.kind, NEW.item_id, NEW.station_id, k.wrong, k.choice, 1
    FROM (SELECT CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AS kind,
      (NEW.type = 'step-mistake' OR NEW.correct IS 0) AS wrong,
      CASE WHEN NEW.type = 'step-mistake' OR NEW.correct IS 0 THEN coalesce(json_extract(NEW.data, '$.choiceId'), '') ELSE '' END AS choice) k WHERE true
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_month_rollup SELECT substr(NEW.day, 1, 7), NEW.exhibit_id, k.kind, NEW.item_id, NEW.station_id, k.wrong, k.choice, 1
    FROM (SELECT CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AS kind,
      (NEW.type = 'step-mistake' OR NEW.correct IS 0) AS wrong,
      CASE WHEN NEW.type = 'step-mistake' OR NEW.correct IS 0 THEN coalesce(json_extract(NEW.data, '$.choiceId'), '') ELSE '' END AS choice) k WHERE true
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER item_rollup_delete AFTER DELETE ON events
WHEN OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL BEGIN
  UPDATE item_rollup SET n = n - 1 WHERE day = OLD.day AND exhibit_id = OLD.exhibit_id
    AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id AND station_id = OLD.station_id
    AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0)
    AND choice_id = CASE WHEN OLD.type = 'step-mistake' OR OLD.correct IS 0 THEN coalesce(json_extract(OLD.data, '$.choiceId'), '') ELSE '' END;
  DELETE FROM item_rollup WHERE day = OLD.day AND exhibit_id = OLD.exhibit_id AND item_id = OLD.item_id AND n = 0;
  UPDATE item_month_rollup SET n = n - 1 WHERE month = substr(OLD.day, 1, 7) AND exhibit_id = OLD.exhibit_id
    AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id AND station_id = OLD.station_id
    AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0)
    AND choice_id = CASE WHEN OLD.type = 'step-mistake' OR OLD.correct IS 0 THEN coalesce(json_extract(OLD.data, '$.choiceId'), '') ELSE '' END;
  DELETE FROM item_month_rollup WHERE month = substr(OLD.day, 1, 7) AND exhibit_id = OLD.exhibit_id AND item_id = OLD.item_id AND n = 0;
END;
-- Items hold no passport: only a change to a column they are keyed by moves an event.
CREATE TRIGGER item_rollup_update AFTER UPDATE OF day, exhibit_id, station_id, type, item_id, correct, data ON events
WHEN (OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND OLD.item_id IS NOT NULL)
  OR (NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL) BEGIN
  UPDATE item_rollup SET n = n - 1 WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND day = OLD.day AND exhibit_id = OLD.exhibit_id
    AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id AND station_id = OLD.station_id
    AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0)
    AND choice_id = CASE WHEN OLD.type = 'step-mistake' OR OLD.correct IS 0 THEN coalesce(json_extract(OLD.data, '$.choiceId'), '') ELSE '' END;
  DELETE FROM item_rollup WHERE day = OLD.day AND exhibit_id = OLD.exhibit_id AND item_id = OLD.item_id AND n = 0;
  UPDATE item_month_rollup SET n = n - 1 WHERE OLD.type IN ('answer-given', 'step-completed', 'step-mistake') AND month = substr(OLD.day, 1, 7)
    AND exhibit_id = OLD.exhibit_id AND kind = CASE WHEN OLD.type = 'answer-given' THEN 'quiz' ELSE 'step' END AND item_id = OLD.item_id
    AND station_id = OLD.station_id AND wrong = (OLD.type = 'step-mistake' OR OLD.correct IS 0)
    AND choice_id = CASE WHEN OLD.type = 'step-mistake' OR OLD.correct IS 0 THEN coalesce(json_extract(OLD.data, '$.choiceId'), '') ELSE '' END;
  DELETE FROM item_month_rollup WHERE month = substr(OLD.day, 1, 7) AND exhibit_id = OLD.exhibit_id AND item_id = OLD.item_id AND n = 0;
  INSERT INTO item_rollup SELECT NEW.day, NEW.exhibit_id, k.kind, NEW.item_id, NEW.station_id, k.wrong, k.choice, 1
    FROM (SELECT CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AS kind,
      (NEW.type = 'step-mistake' OR NEW.correct IS 0) AS wrong,
      CASE WHEN NEW.type = 'step-mistake' OR NEW.correct IS 0 THEN coalesce(json_extract(NEW.data, '$.choiceId'), '') ELSE '' END AS choice) k
    WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO item_month_rollup SELECT substr(NEW.day, 1, 7), NEW.exhibit_id, k.kind, NEW.item_id, NEW.station_id, k.wrong, k.choice, 1
    FROM (SELECT CASE WHEN NEW.type = 'answer-given' THEN 'quiz' ELSE 'step' END AS kind,
      (NEW.type = 'step-mistake' OR NEW.correct IS 0) AS wrong,
      CASE WHEN NEW.type = 'step-mistake' OR NEW.correct IS 0 THEN coalesce(json_extract(NEW.data, '$.choiceId'), '') ELSE '' END AS choice) k
    WHERE NEW.type IN ('answer-given', 'step-completed', 'step-mistake') AND NEW.item_id IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Backfill from the events already stored.
INSERT INTO play_rollup
  SELECT day, exhibit_id, station_id, coalesce(session_id, ''), coalesce(passport_id, ''),
    COUNT(CASE WHEN type = 'exhibit-started' THEN 1 END),
    COUNT(CASE WHEN type = 'exhibit-started' AND json_extract(data, '$.mode') IS 'vr' THEN 1 END),
    COUNT(CASE WHEN type = 'exhibit-completed' THEN 1 END), COUNT(CASE WHEN type = 'exhibit-crashed' THEN 1 END)
  FROM events WHERE type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed')
  GROUP BY 1, 2, 3, 4, 5;
INSERT INTO item_rollup
  SELECT day, exhibit_id, CASE WHEN type = 'answer-given' THEN 'quiz' ELSE 'step' END, item_id, station_id,
    (type = 'step-mistake' OR correct IS 0), CASE WHEN type = 'step-mistake' OR correct IS 0 THEN coalesce(json_extract(data, '$.choiceId'), '') ELSE '' END,
    COUNT(*)
  FROM events WHERE type IN ('answer-given', 'step-completed', 'step-mistake') AND item_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO item_month_rollup
  SELECT substr(day, 1, 7), exhibit_id, kind, item_id, station_id, wrong, choice_id, SUM(n) FROM item_rollup GROUP BY 1, 2, 3, 4, 5, 6, 7;
