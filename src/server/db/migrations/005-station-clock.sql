-- Station clocks (issue 14). When a station sends an event dated before CENTER_FIRST_DAY or
-- beyond MAX_CLOCK_SKEW_S in the future, its clock is off: the server notes when it saw
-- that (clock_off_ms) and the time the event claimed (clock_off_event_ms), for the station
-- list to show. A later event dated within the skew of the server's clock clears both.
ALTER TABLE stations ADD COLUMN clock_off_ms INTEGER;
ALTER TABLE stations ADD COLUMN clock_off_event_ms INTEGER;
