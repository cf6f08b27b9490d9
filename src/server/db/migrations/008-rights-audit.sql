-- Guide and admin rights (issue 14). A disabled user keeps their row (the audit and the
-- batches they issued still name them) but cannot sign in; disabling ends their sessions
-- in the same transaction. last_sign_in_ms is for the user-management page.
ALTER TABLE users ADD COLUMN disabled_ms INTEGER;
ALTER TABLE users ADD COLUMN last_sign_in_ms INTEGER;

-- The access record: who (user id and role at the time) did what to which passport, batch
-- or user, when (the app's clock). Append-only: the app only inserts, and the retention job
-- deletes entries older than AUDIT_RETENTION_DAYS. No IP address and no station: a user
-- id already says who, and addresses on a center's Wi-Fi would track people, not accounts.
-- user_name is copied so an entry still reads right after a user is renamed or removed.
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  time_ms       INTEGER NOT NULL,
  -- The center's day (TIME_ZONE) of time_ms, for the date filter.
  day           TEXT NOT NULL,
  user_id       INTEGER,
  user_name     TEXT NOT NULL,
  role          TEXT NOT NULL,
  action        TEXT NOT NULL,
  passport_code TEXT,
  batch_id      TEXT,
  target_user   TEXT,
  detail        TEXT
);
CREATE INDEX audit_by_time ON audit_log (time_ms);
CREATE INDEX audit_by_passport ON audit_log (passport_code, time_ms) WHERE passport_code IS NOT NULL;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
