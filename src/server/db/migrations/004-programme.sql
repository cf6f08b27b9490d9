-- The center's programme log (issue 9): lectures, salons, workshops, trainings. Guides are
-- staff or volunteers (adults), written as free text; the audience is a number, never names.
-- Volunteer hours are kept in tenths so the yearly totals add up exactly.
CREATE TABLE activities (
  id                TEXT PRIMARY KEY,
  request_id        TEXT NOT NULL UNIQUE,
  center_id         TEXT NOT NULL,
  topic             TEXT NOT NULL,
  type              TEXT NOT NULL CHECK (type IN ('lecture', 'salon', 'workshop', 'training', 'other')),
  day               TEXT NOT NULL,
  duration_min      INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
  guides            TEXT NOT NULL,
  audience          INTEGER NOT NULL CHECK (audience >= 0),
  volunteer_tenths  INTEGER NOT NULL CHECK (volunteer_tenths >= 0),
  created_by        INTEGER REFERENCES users(id) ON DELETE SET NULL,
  updated_by        INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_ms        INTEGER NOT NULL,
  updated_ms        INTEGER NOT NULL
);
CREATE INDEX activities_by_day ON activities (center_id, day);
