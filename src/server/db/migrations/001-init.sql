-- Stations (kiosks, PCs, headsets). Tokens are stored as SHA-256 hashes only.
CREATE TABLE stations (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  token_hash    TEXT NOT NULL UNIQUE,
  created_ms    INTEGER NOT NULL,
  last_seen_ms  INTEGER
);

-- Guides and admins, created with the CLI. password_hash is "scrypt$N$r$p$salt$key".
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('guide', 'admin')),
  password_hash TEXT NOT NULL,
  created_ms    INTEGER NOT NULL
);

CREATE TABLE auth_sessions (
  token_hash    TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_ms    INTEGER NOT NULL
) WITHOUT ROWID;

-- Visit events. The client-made UUIDv7 is the identity (UNIQUE, INSERT OR IGNORE makes
-- resends harmless). A few data fields are lifted into columns for the statistics;
-- `data` keeps the event's data object as sent. No names, no IP addresses.
CREATE TABLE events (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  time_ms       INTEGER NOT NULL,
  day           TEXT NOT NULL,
  received_ms   INTEGER NOT NULL,
  station_id    TEXT NOT NULL,
  session_id    TEXT,
  passport_id   TEXT,
  exhibit_id    TEXT NOT NULL,
  type          TEXT NOT NULL,
  item_id       TEXT,
  correct       INTEGER,
  duration_ms   INTEGER,
  data          TEXT NOT NULL
);
CREATE INDEX events_passport ON events (passport_id, time_ms) WHERE passport_id IS NOT NULL;
CREATE INDEX events_session ON events (session_id, time_ms) WHERE session_id IS NOT NULL;
-- Medians walk this index in duration order per exhibit (covering, day included for ranges).
CREATE INDEX events_completed ON events (exhibit_id, duration_ms, day) WHERE type = 'exhibit-completed';

-- Running totals kept by a trigger in the same transaction as the insert, so the
-- dashboard reads a few thousand rows instead of scanning millions of events.
-- A duplicate (ignored) insert fires no trigger, so totals count each event once.
CREATE TABLE daily_counts (
  day           TEXT NOT NULL,
  exhibit_id    TEXT NOT NULL,
  type          TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (day, exhibit_id, type)
) WITHOUT ROWID;

CREATE TABLE session_counts (
  session_id    TEXT NOT NULL,
  exhibit_id    TEXT NOT NULL,
  type          TEXT NOT NULL,
  n             INTEGER NOT NULL,
  first_day     TEXT NOT NULL,
  last_day      TEXT NOT NULL,
  PRIMARY KEY (session_id, exhibit_id, type)
) WITHOUT ROWID;

CREATE TABLE daily_visitors (
  day           TEXT NOT NULL,
  passport_id   TEXT NOT NULL,
  PRIMARY KEY (day, passport_id)
) WITHOUT ROWID;

CREATE TABLE session_visitors (
  session_id    TEXT NOT NULL,
  passport_id   TEXT NOT NULL,
  PRIMARY KEY (session_id, passport_id)
) WITHOUT ROWID;

CREATE TABLE quiz_counts (
  day           TEXT NOT NULL,
  exhibit_id    TEXT NOT NULL,
  quiz_id       TEXT NOT NULL,
  answers       INTEGER NOT NULL,
  wrong         INTEGER NOT NULL,
  PRIMARY KEY (day, exhibit_id, quiz_id)
) WITHOUT ROWID;

CREATE TRIGGER events_totals AFTER INSERT ON events BEGIN
  INSERT INTO daily_counts (day, exhibit_id, type, n)
    VALUES (NEW.day, NEW.exhibit_id, NEW.type, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO session_counts (session_id, exhibit_id, type, n, first_day, last_day)
    SELECT NEW.session_id, NEW.exhibit_id, NEW.type, 1, NEW.day, NEW.day WHERE NEW.session_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, first_day = min(first_day, excluded.first_day), last_day = max(last_day, excluded.last_day);
  INSERT OR IGNORE INTO daily_visitors (day, passport_id)
    SELECT NEW.day, NEW.passport_id WHERE NEW.passport_id IS NOT NULL;
  INSERT OR IGNORE INTO session_visitors (session_id, passport_id)
    SELECT NEW.session_id, NEW.passport_id WHERE NEW.session_id IS NOT NULL AND NEW.passport_id IS NOT NULL;
  INSERT INTO quiz_counts (day, exhibit_id, quiz_id, answers, wrong)
    SELECT NEW.day, NEW.exhibit_id, NEW.item_id, 1, 1 - NEW.correct WHERE NEW.type = 'answer-given'
    ON CONFLICT DO UPDATE SET answers = answers + 1, wrong = wrong + excluded.wrong;
END;
