-- Distinct students over a range that is not one whole period in a time bounded by
-- months², not by the students (issue 15: counting visitor_history's rows took 240 CPU ms
-- per center and 760 per exhibit at 100 M events for a range across years, visitor_days'
-- rows within a year grow the same way). A student's days d1 < … < dk (per center, exhibit started,
-- '' any, and passport: a visitor_history row) form the pairs of consecutive days
-- (-infinity, d1), (d1, d2), …, (dk, infinity). Exactly one pair has p < a <= d, so the
-- students seen in [a, b] are N − Q: N the students (visitor_counts' all-time counters,
-- migration 007) and Q the pairs with p < a and d > b (those not seen in [a, b]), a
-- two-sided count kept here without passports, in four tables so a range reads few rows
-- (visitor-pairs.ts).
--   visitor_pair_months: per month of p and month of d (±infinity their own months);
--   visitor_pair_ends:   per day d and month of p (d finite);
--   visitor_pair_starts: per day p and month of d (p finite);
--   visitor_pair_days:   per month of d, day p and day d (both finite).
-- Q(a, b) = months (p_month < month(a), d_month > month(b)) + ends (d after b in b's month,
-- p_month < month(a)) + starts (p before a in a's month, d_month > month(b)) + days (p before
-- a in a's month, d after b in b's month). Kept by the insert statement from the student-days
-- it adds and by a retention cutoff's split (privacy.ts); n may fall to 0 and stay.
CREATE FUNCTION month_start(d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN date_trunc('month', d::timestamp)::date;

-- The insert statement's answer when its center's row changed since its snapshot (store.ts):
-- another batch or privacy record of the center committed meanwhile, so the pairs it worked
-- out may be wrong; it is rolled back and run again.
CREATE FUNCTION center_changed_meanwhile() RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'another batch or privacy record of this center committed meanwhile' USING ERRCODE = 'serialization_failure';
END $$;

-- Every key holds n too (INCLUDE), so a range is read from the index alone (an index-only
-- scan where the visibility map allows): a center and exhibit's rows are together there and
-- scattered over the table; at 100 M events with students at random gaps this took the
-- students per exhibit from ~110 to ~25 ms. The price: an update of n is never HOT.
CREATE TABLE visitor_pair_months (
  center_id     text NOT NULL,
  exhibit_id    text NOT NULL,
  p_month       date NOT NULL,
  d_month       date NOT NULL,
  n             integer NOT NULL,
  PRIMARY KEY (center_id, exhibit_id, p_month, d_month) INCLUDE (n)
);
CREATE TABLE visitor_pair_ends (
  center_id     text NOT NULL,
  exhibit_id    text NOT NULL,
  d_day         date NOT NULL,
  p_month       date NOT NULL,
  n             integer NOT NULL,
  PRIMARY KEY (center_id, exhibit_id, d_day, p_month) INCLUDE (n)
);
CREATE TABLE visitor_pair_starts (
  center_id     text NOT NULL,
  exhibit_id    text NOT NULL,
  p_day         date NOT NULL,
  d_month       date NOT NULL,
  n             integer NOT NULL,
  PRIMARY KEY (center_id, exhibit_id, p_day, d_month) INCLUDE (n)
);
-- d_month first: a range reads the one month of d its end falls in, p's days before its start.
CREATE TABLE visitor_pair_days (
  center_id     text NOT NULL,
  exhibit_id    text NOT NULL,
  d_month       date NOT NULL,
  p_day         date NOT NULL,
  d_day         date NOT NULL,
  n             integer NOT NULL,
  PRIMARY KEY (center_id, exhibit_id, d_month, p_day, d_day) INCLUDE (n)
);

-- The existing students' pairs, from visitor_history's day sets: split on '1', the k-th
-- piece is the zeros before the k-th day, so a running sum of (length + 1) is that day's
-- offset from first_day; the piece after the last day stands for the pair (dk, infinity).
WITH pairs AS MATERIALIZED (
  SELECT center_id, exhibit_id, p, d, month_start(p) AS p_month, month_start(d) AS d_month, count(*)::integer AS n
  FROM (SELECT h.center_id, h.exhibit_id,
      CASE WHEN x.k = 1 THEN date '-infinity' ELSE h.first_day + x.at - length(x.c) - 2 END AS p,
      CASE WHEN x.k = x.pieces THEN date 'infinity' ELSE h.first_day + x.at - 1 END AS d
    FROM visitor_history h CROSS JOIN LATERAL (
      SELECT c, k, (sum(length(c) + 1) OVER (ORDER BY k))::integer AS at, bit_count(h.days) + 1 AS pieces
      FROM string_to_table(h.days::text, '1') WITH ORDINALITY t(c, k)) x) y
  GROUP BY 1, 2, 3, 4
), m AS (
  INSERT INTO visitor_pair_months SELECT center_id, exhibit_id, p_month, d_month, sum(n) FROM pairs GROUP BY 1, 2, 3, 4
), e AS (
  INSERT INTO visitor_pair_ends SELECT center_id, exhibit_id, d, p_month, sum(n) FROM pairs WHERE d < 'infinity' GROUP BY 1, 2, 3, 4
), s AS (
  INSERT INTO visitor_pair_starts SELECT center_id, exhibit_id, p, d_month, sum(n) FROM pairs WHERE p > '-infinity' GROUP BY 1, 2, 3, 4
)
INSERT INTO visitor_pair_days SELECT center_id, exhibit_id, d_month, p, d, n FROM pairs WHERE p > '-infinity' AND d < 'infinity';
