-- visitor_days (one 366-bit row per student, exhibit and year) counted the students of a
-- range within a year until migration 008's pair counts answered every range that is not
-- one whole period; no query has read it since, yet every insert kept it up to date and a
-- retention cutoff pseudonymised it. Dropped: less work per batch, and one table fewer
-- that holds passport codes.
DROP TABLE visitor_days;
