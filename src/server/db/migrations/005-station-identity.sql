-- Station clocks (issue 14). When a station sends an event dated before CENTER_FIRST_DAY or
-- beyond MAX_CLOCK_SKEW_S in the future, its clock is off: the server notes when it saw
-- that (clock_off_ms) and the time the event claimed (clock_off_event_ms), for the station
-- list to show. A later event dated within the skew of the server's clock clears both.
ALTER TABLE stations ADD COLUMN clock_off_ms INTEGER;
ALTER TABLE stations ADD COLUMN clock_off_event_ms INTEGER;

-- Station enrolment secret (issue 14): a random value the station made with its id and
-- sends when it registers. Re-registering an enrolled id needs it (or the current token,
-- or an admin), so knowing a station's id is no longer enough to take the station over,
-- and a station whose registration answer was lost can still ask again. SHA-256 only.
ALTER TABLE stations ADD COLUMN secret_hash TEXT;
