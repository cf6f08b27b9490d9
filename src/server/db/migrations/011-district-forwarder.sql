-- The center → district forwarder's cursor (issue 15): the highest events.seq the
-- district has acknowledged. Advanced only on the district's 200, in its own statement,
-- so a restart or a cut link resends at most the unacknowledged batch (same event ids,
-- which the district stores once). Keyed by district and the id it gave this center: a
-- new pairing starts from the beginning (again harmless: the district dedupes by id).
CREATE TABLE district_forwarder (
  district_url  TEXT NOT NULL,
  center_id     TEXT NOT NULL,
  last_seq      INTEGER NOT NULL DEFAULT 0,
  -- Events the district acknowledged; of them, ones it already had (a batch resent after its answer was lost).
  sent          INTEGER NOT NULL DEFAULT 0,
  duplicates    INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  updated_ms    INTEGER NOT NULL,
  last_error    TEXT,
  last_error_ms INTEGER,
  PRIMARY KEY (district_url, center_id)
) WITHOUT ROWID;

-- events.seq is the rowid, and SQLite hands out max(rowid) + 1: if the newest events are
-- ever deleted, their seq numbers come back for new events, which a cursor above them
-- would skip. So a delete that lowers the highest seq pulls the cursor down with it, in
-- the same transaction (resending is harmless: the district dedupes by event id).
CREATE TRIGGER events_delete_pulls_district_cursor AFTER DELETE ON events
WHEN OLD.seq <= (SELECT max(last_seq) FROM district_forwarder)
BEGIN
  UPDATE district_forwarder SET last_seq = coalesce((SELECT max(seq) FROM events), 0)
    WHERE last_seq > coalesce((SELECT max(seq) FROM events), 0);
END;
