-- Distinct students over a range across years, exact and without a distinct count (issue
-- 15): per center, exhibit started ('' any) and passport, one row for all time with the
-- days it was seen, bit i for first_day + i (first_day and last_day are days seen). A range
-- is then one count over one row per student: those wholly inside it by their first and
-- last days, the others by the bits of the range's days. Before this, such a range counted
-- the distinct passports over month and year sets (0.3–1.3 s at 10 M events). Kept by the
-- insert statement (store.ts) like visitor_days (005), from exactly the rows it added.
-- Its rows per center and exhibit are counted in visitor_counts under scope 'a' (all
-- time, start 2000-01-01, the earliest day an event may have), raised by the rows the
-- insert statement and a retention cutoff's split (privacy.ts) add: a range holding every
-- day with data, the dashboard without dates, reads one counter per center.
CREATE TABLE visitor_history (
  center_id     text NOT NULL,
  exhibit_id    text NOT NULL,
  passport_id   text NOT NULL,
  first_day     date NOT NULL,
  last_day      date NOT NULL,
  days          varbit NOT NULL,
  PRIMARY KEY (center_id, exhibit_id, passport_id)
);

-- A day set starting on f, padded with zeros to the window [lo, hi] (which holds it).
CREATE FUNCTION day_set_pad(f date, b varbit, lo date, hi date) RETURNS varbit
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (repeat('0', f - lo) || b::text || repeat('0', hi - f - length(b) + 1))::varbit;
-- The union of two day sets, starting on the earlier first day.
CREATE FUNCTION day_set_or(f1 date, b1 varbit, f2 date, b2 varbit) RETURNS varbit
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN day_set_pad(f1, b1, least(f1, f2), greatest(f1 + length(b1), f2 + length(b2)) - 1)
  | day_set_pad(f2, b2, least(f1, f2), greatest(f1 + length(b1), f2 + length(b2)) - 1);
-- Whether a day set starting on f has a day in [lo, hi] (substring clips the window).
CREATE FUNCTION day_set_meets(f date, b varbit, lo date, hi date) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN bit_count(substring(b FROM lo - f + 1 FOR hi - lo + 1)) > 0;

-- The existing students, from the daily sets (as 005 built visitor_days).
INSERT INTO visitor_history (center_id, exhibit_id, passport_id, first_day, last_day, days)
SELECT center_id, exhibit_id, passport_id, first_day, last_day, bit_or(set_bit(repeat('0', last_day - first_day + 1)::varbit, day - first_day, 1))
FROM (SELECT v.center_id, e.exhibit_id, v.passport_id, v.day, min(v.day) OVER w AS first_day, max(v.day) OVER w AS last_day
  FROM exhibit_visitors v CROSS JOIN LATERAL (VALUES (''), (v.exhibit_id)) e(exhibit_id)
  WINDOW w AS (PARTITION BY v.center_id, e.exhibit_id, v.passport_id)) x
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO visitor_counts (center_id, scope, start, exhibit_id, n)
SELECT center_id, 'a', date '2000-01-01', exhibit_id, count(*) FROM visitor_history GROUP BY 1, 4;
