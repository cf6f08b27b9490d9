-- Class-set science passports (issue 8). Every table here carries center_id: one center
-- per server today, a district server holds many later. No names: school, grade and class
-- describe a class, never a student; the student's name is written on the paper only.
CREATE TABLE passport_batches (
  id            TEXT PRIMARY KEY,
  request_id    TEXT NOT NULL UNIQUE,
  center_id     TEXT NOT NULL,
  school        TEXT NOT NULL,
  grade         TEXT NOT NULL,
  class_name    TEXT NOT NULL,
  count         INTEGER NOT NULL CHECK (count BETWEEN 1 AND 60),
  created_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_ms    INTEGER NOT NULL
);

-- A deleted (or expired) passport keeps its row, without its batch, so its code is never
-- issued again and a station that still holds it hears 410, not 404.
CREATE TABLE passports (
  code          TEXT PRIMARY KEY,
  batch_id      TEXT REFERENCES passport_batches(id) ON DELETE SET NULL,
  center_id     TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'deleted')),
  created_ms    INTEGER NOT NULL
);
CREATE INDEX passports_batch ON passports (batch_id) WHERE batch_id IS NOT NULL;

-- Events whose passport code is valid but unknown here (a station checked in offline with
-- a code this server never issued). Kept aside, not counted; `row` is the events row as
-- ingest built it (JSON array), replayed into events when the passport appears.
CREATE TABLE quarantined_events (
  id            TEXT PRIMARY KEY,
  center_id     TEXT NOT NULL,
  passport_code TEXT NOT NULL,
  station_id    TEXT NOT NULL,
  time_ms       INTEGER NOT NULL,
  received_ms   INTEGER NOT NULL,
  row           TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX quarantined_by_passport ON quarantined_events (passport_code, time_ms);

-- Anonymous visitor counts: what daily_visitors / session_visitors (one row per passport)
-- become when the retention job or a deletion removes the passport ids. The statistics
-- add these to the live distinct counts.
CREATE TABLE visitor_day_rollup (
  center_id     TEXT NOT NULL,
  day           TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (center_id, day)
) WITHOUT ROWID;

CREATE TABLE visitor_session_rollup (
  center_id     TEXT NOT NULL,
  session_id    TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (center_id, session_id)
) WITHOUT ROWID;
