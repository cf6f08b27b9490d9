-- Guide-run class sessions and the live station console (issue 9). Like the passport tables,
-- every new row carries center_id: one center per server today, a district server later.

-- What a station was set up as (name, kind, the exhibits it offers) and what it last reported
-- (live: JSON of core/station-live.ts StationStateSchema). center_id is set when the station
-- first reports or is set up; the console lists only its own center's stations.
ALTER TABLE stations ADD COLUMN center_id TEXT;
ALTER TABLE stations ADD COLUMN kind TEXT CHECK (kind IN ('headset', 'touchscreen', 'pc', 'phone'));
ALTER TABLE stations ADD COLUMN offered TEXT;
ALTER TABLE stations ADD COLUMN live TEXT;
ALTER TABLE stations ADD COLUMN live_ms INTEGER;
-- The class session the station takes part in now (NULL: none).
ALTER TABLE stations ADD COLUMN session_id TEXT;

-- A class visit: school, grade and class describe the class, never a student. Its passports
-- are the batch issued (or named) when it was created. join_code is what the session QR carries.
CREATE TABLE class_sessions (
  id            TEXT PRIMARY KEY,
  request_id    TEXT NOT NULL UNIQUE,
  center_id     TEXT NOT NULL,
  school        TEXT NOT NULL,
  grade         TEXT NOT NULL,
  class_name    TEXT NOT NULL,
  headcount     INTEGER NOT NULL CHECK (headcount BETWEEN 1 AND 60),
  exhibits      TEXT NOT NULL,
  batch_id      TEXT REFERENCES passport_batches(id) ON DELETE SET NULL,
  join_code     TEXT NOT NULL UNIQUE,
  created_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_ms    INTEGER NOT NULL,
  ended_ms      INTEGER
);
CREATE INDEX class_sessions_center ON class_sessions (center_id, created_ms);

CREATE TABLE class_session_stations (
  session_id    TEXT NOT NULL REFERENCES class_sessions(id) ON DELETE CASCADE,
  station_id    TEXT NOT NULL,
  joined_ms     INTEGER NOT NULL,
  PRIMARY KEY (session_id, station_id)
) WITHOUT ROWID;

-- Commands from the console to stations: one row per target station, so seq is each
-- station's cursor (it asks for seq > the last one it handled). command_id is the guide's
-- request id: a double tap or a retry inserts nothing new (UNIQUE with the station).
CREATE TABLE station_commands (
  seq           INTEGER PRIMARY KEY,
  command_id    TEXT NOT NULL,
  center_id     TEXT NOT NULL,
  session_id    TEXT NOT NULL REFERENCES class_sessions(id) ON DELETE CASCADE,
  station_id    TEXT NOT NULL,
  body          TEXT NOT NULL,
  created_ms    INTEGER NOT NULL,
  UNIQUE (command_id, station_id)
);
CREATE INDEX station_commands_station ON station_commands (station_id, seq);
