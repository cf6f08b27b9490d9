-- The passport home view at the district (the address a family can reach): per passport,
-- exhibit and day, what the center's page shows (first stamp, best score, runs), kept by
-- the insert statement (store.ts) so a lookup reads a few rows, never the events. Led by
-- the passport id, the way it is looked up; per day, so retention (privacy.ts) can drop
-- exactly the days a center anonymised.
CREATE TABLE passport_exhibits (
  passport_id   text NOT NULL,
  center_id     text NOT NULL,
  exhibit_id    text NOT NULL,
  day           date NOT NULL,
  stamped_at    timestamptz,
  best_score    integer,
  max_score     integer,
  starts        bigint NOT NULL,
  completions   bigint NOT NULL,
  last_at       timestamptz NOT NULL,
  PRIMARY KEY (passport_id, center_id, exhibit_id, day)
);
CREATE INDEX passport_exhibits_center_day ON passport_exhibits (center_id, day);
INSERT INTO passport_exhibits
SELECT passport_id, center_id, exhibit_id, day, min(time) FILTER (WHERE type = 'stamp-awarded'),
  max((data->>'score')::integer) FILTER (WHERE type = 'exhibit-completed'), max((data->>'maxScore')::integer) FILTER (WHERE type = 'exhibit-completed'),
  count(*) FILTER (WHERE type = 'exhibit-started'), count(*) FILTER (WHERE type = 'exhibit-completed'), max(time)
FROM events WHERE passport_id IS NOT NULL GROUP BY 1, 2, 3, 4;
