-- Station pairing (issue 14). Without open enrolment or the enrol code, a new station id
-- waits here until a guide or admin, standing at the station, types the code it shows.
-- The code is short-lived and kept in clear: the station asks for it again after a reload,
-- and a stored hash of six digits would hide nothing. Guessing it needs a guide's login,
-- and a few wrong tries void it (routes/station-pairing.ts). No IP address is kept; the
-- user agent only as a summary ("Chrome 131 · Android") so a guide can tell devices apart.
CREATE TABLE station_pairings (
  station_id      TEXT PRIMARY KEY COLLATE NOCASE,
  name            TEXT NOT NULL,
  secret_hash     TEXT NOT NULL,
  agent           TEXT NOT NULL,
  code            TEXT NOT NULL,
  code_expires_ms INTEGER NOT NULL,
  wrong_tries     INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  first_seen_ms   INTEGER NOT NULL,
  last_seen_ms    INTEGER NOT NULL,
  decided_by      INTEGER REFERENCES users(id) ON DELETE SET NULL,
  decided_ms      INTEGER
);
