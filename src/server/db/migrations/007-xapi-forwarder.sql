-- The xAPI forwarder's position per Learning Record Store (issue 11): the highest
-- events.seq whose statement the LRS has acknowledged. Advanced only after the LRS
-- answers, in its own transaction, so a restart resends at most the unacknowledged
-- batch (same statement ids, which the LRS recognises). Keyed by endpoint: a new LRS
-- starts from the beginning; switching back resumes where that LRS was left.
CREATE TABLE xapi_forwarder (
  endpoint      TEXT PRIMARY KEY,
  last_seq      INTEGER NOT NULL DEFAULT 0,
  sent          INTEGER NOT NULL DEFAULT 0,
  updated_ms    INTEGER NOT NULL,
  last_error    TEXT,
  last_error_ms INTEGER
) WITHOUT ROWID;
