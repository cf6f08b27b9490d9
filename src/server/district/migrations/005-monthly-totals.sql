-- Whole-month totals beside the daily ones (issue 15): a year's view reads 12 months per
-- center and exhibit instead of 365 days. Written by the same insert statement as the
-- daily ones (store.ts), from exactly the rows it added, so a resend adds nothing. A range
-- that is not whole months reads the whole months here and its edge days from the daily
-- tables (dashboard-range.ts). `month` is the first day of the center's calendar month.
CREATE TABLE monthly_counts (
  center_id     text NOT NULL,
  month         date NOT NULL,
  exhibit_id    text NOT NULL,
  type          event_type NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (center_id, month, exhibit_id, type)
);
CREATE TABLE monthly_start_counts (
  center_id     text NOT NULL,
  month         date NOT NULL,
  exhibit_id    text NOT NULL,
  walk_ins      bigint NOT NULL,
  vr            bigint NOT NULL,
  starts        bigint NOT NULL,
  PRIMARY KEY (center_id, month, exhibit_id)
);
-- Starts beside walk-ins, so visits per day read one table; looked up by exhibit too.
ALTER TABLE start_counts ADD COLUMN starts bigint NOT NULL DEFAULT 0;
CREATE INDEX start_counts_exhibit ON start_counts (exhibit_id, center_id, day);
CREATE TABLE monthly_duration_counts (
  center_id     text NOT NULL,
  month         date NOT NULL,
  exhibit_id    text NOT NULL,
  seconds       integer NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (center_id, month, exhibit_id, seconds)
);
CREATE TABLE monthly_item_counts (
  center_id     text NOT NULL,
  month         date NOT NULL,
  exhibit_id    text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('quiz', 'step')),
  item_id       text NOT NULL,
  attempts      bigint NOT NULL,
  wrong         bigint NOT NULL,
  PRIMARY KEY (center_id, month, exhibit_id, kind, item_id)
);
CREATE TABLE monthly_wrong_choices (
  center_id     text NOT NULL,
  month         date NOT NULL,
  exhibit_id    text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('quiz', 'step')),
  item_id       text NOT NULL,
  choice_id     text NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (center_id, month, exhibit_id, kind, item_id, choice_id)
);
-- Per center and day, whatever exhibit: starts and walk-ins (visits per day or week over
-- all exhibits read 365 rows a center), and the yearly report's open days (its rows).
CREATE TABLE center_days (
  center_id     text NOT NULL,
  day           date NOT NULL,
  plays         bigint NOT NULL,
  walk_ins      bigint NOT NULL,
  PRIMARY KEY (center_id, day)
);

-- Distinct students per period without counting at read time, exactly (no sketch: a
-- figure a programme reports upward should not carry an error bar). Which passports were
-- seen in a period: scope d(ay), w(eek, from Monday), m(onth), y(ear), starting on `start`;
-- exhibit_id is the exhibit started, '' any exhibit started, '*' any event at all (the
-- yearly report's students). An insert that adds a row here adds 1 to visitor_counts in
-- the same statement, so one period's distinct students is one row per center; a range
-- of several periods counts the distinct passports over these sets.
CREATE TABLE visitor_sets (
  center_id     text NOT NULL,
  scope         "char" NOT NULL,
  start         date NOT NULL,
  exhibit_id    text NOT NULL,
  passport_id   text NOT NULL,
  PRIMARY KEY (center_id, scope, start, exhibit_id, passport_id)
);
CREATE TABLE visitor_counts (
  center_id     text NOT NULL,
  scope         "char" NOT NULL,
  start         date NOT NULL,
  exhibit_id    text NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (center_id, scope, start, exhibit_id)
);

-- Per center, year, exhibit started ('' any) and passport: the days of the year it was
-- seen (bit n-1 for day n), so students over any range within a year that is not one
-- whole period are one count over the year's rows with a mask, not a distinct count.
CREATE TABLE visitor_days (
  center_id     text NOT NULL,
  year          date NOT NULL,
  exhibit_id    text NOT NULL,
  passport_id   text NOT NULL,
  days          bit(366) NOT NULL,
  PRIMARY KEY (center_id, year, exhibit_id, passport_id)
);

-- The existing totals, counted once.
UPDATE start_counts s SET starts = d.n FROM daily_counts d
WHERE d.center_id = s.center_id AND d.day = s.day AND d.exhibit_id = s.exhibit_id AND d.type = 'exhibit-started';
INSERT INTO monthly_counts SELECT center_id, date_trunc('month', day::timestamp)::date, exhibit_id, type, sum(n) FROM daily_counts GROUP BY 1, 2, 3, 4;
INSERT INTO monthly_start_counts
SELECT center_id, date_trunc('month', day::timestamp)::date, exhibit_id, sum(walk_ins), sum(vr), sum(starts) FROM start_counts GROUP BY 1, 2, 3;
INSERT INTO monthly_duration_counts SELECT center_id, date_trunc('month', day::timestamp)::date, exhibit_id, seconds, sum(n) FROM duration_counts GROUP BY 1, 2, 3, 4;
INSERT INTO monthly_item_counts
SELECT center_id, date_trunc('month', day::timestamp)::date, exhibit_id, kind, item_id, sum(attempts), sum(wrong) FROM item_counts GROUP BY 1, 2, 3, 4, 5;
INSERT INTO monthly_wrong_choices
SELECT center_id, date_trunc('month', day::timestamp)::date, exhibit_id, kind, item_id, choice_id, sum(n) FROM wrong_choices GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO center_days SELECT center_id, day, sum(starts), sum(walk_ins) FROM start_counts GROUP BY 1, 2;
INSERT INTO visitor_sets
SELECT DISTINCT v.center_id, s.scope, s.start, s.exhibit_id, v.passport_id
FROM exhibit_visitors v CROSS JOIN LATERAL (VALUES ('d'::"char", v.day, ''), ('w', date_trunc('week', v.day::timestamp)::date, ''), ('w', date_trunc('week', v.day::timestamp)::date, v.exhibit_id),
  ('m', date_trunc('month', v.day::timestamp)::date, ''), ('m', date_trunc('month', v.day::timestamp)::date, v.exhibit_id),
  ('y', date_trunc('year', v.day::timestamp)::date, ''), ('y', date_trunc('year', v.day::timestamp)::date, v.exhibit_id)) s(scope, start, exhibit_id)
UNION
SELECT center_id, 'y', date_trunc('year', day::timestamp)::date, '*', passport_id FROM daily_visitors;
INSERT INTO visitor_counts
SELECT center_id, scope, start, exhibit_id, count(*) FROM visitor_sets GROUP BY 1, 2, 3, 4
UNION ALL
SELECT center_id, 'd', day, exhibit_id, count(*) FROM exhibit_visitors GROUP BY 1, 3, 4;
INSERT INTO visitor_days
SELECT v.center_id, date_trunc('year', v.day::timestamp)::date, e.exhibit_id, v.passport_id, bit_or(set_bit(0::bit(366), extract(doy FROM v.day)::int - 1, 1))
FROM exhibit_visitors v CROSS JOIN LATERAL (VALUES (''), (v.exhibit_id)) e(exhibit_id) GROUP BY 1, 2, 3, 4;
