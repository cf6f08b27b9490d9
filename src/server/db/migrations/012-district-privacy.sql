-- Privacy records for the district (issue 15): when this center erases a passport or its
-- retention job anonymises the days before a cutoff, the events it already forwarded must
-- follow. Written in the same transaction as the change here (a trigger for erasures, the
-- retention job for cutoffs), forwarded after the events in seq order, the cursor in
-- district_forwarder.privacy_seq advanced only on the district's 200. AUTOINCREMENT: a
-- seq is never handed out twice, so no record can hide under the cursor. The codes here
-- are ones the center keeps anyway (a deleted passport's code is never reissued).
CREATE TABLE district_privacy (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL CHECK (kind IN ('erase-passport', 'anonymise-before')),
  passport_id TEXT,
  before_day  TEXT,
  created_ms  INTEGER NOT NULL,
  CHECK ((kind = 'erase-passport') = (passport_id IS NOT NULL) AND (kind = 'anonymise-before') = (before_day IS NOT NULL))
);

CREATE TRIGGER passport_deleted_tells_district AFTER UPDATE OF status ON passports
WHEN NEW.status = 'deleted' AND OLD.status <> 'deleted'
BEGIN
  INSERT INTO district_privacy (kind, passport_id, created_ms)
  VALUES ('erase-passport', NEW.code, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

ALTER TABLE district_forwarder ADD COLUMN privacy_seq INTEGER NOT NULL DEFAULT 0;
