-- Running totals the district dashboard needs beyond 001's (issue 11's views): written by
-- the same insert statement (store.ts), from exactly the rows it added; the existing
-- events are counted once here.

-- Starts per (center, day, exhibit) by walk-ins (no passport) and in VR (data.mode).
CREATE TABLE start_counts (
  center_id     text NOT NULL,
  day           date NOT NULL,
  exhibit_id    text NOT NULL,
  walk_ins      bigint NOT NULL,
  vr            bigint NOT NULL,
  PRIMARY KEY (center_id, day, exhibit_id)
);
-- Completion times to the whole second: median and P90 without reading events.
CREATE TABLE duration_counts (
  center_id     text NOT NULL,
  day           date NOT NULL,
  exhibit_id    text NOT NULL,
  seconds       integer NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (center_id, day, exhibit_id, seconds)
);
-- Quiz answers and steps: attempts (answers given, steps completed) and wrong ones
-- (wrong answers, wrong picks at a step).
CREATE TABLE item_counts (
  center_id     text NOT NULL,
  day           date NOT NULL,
  exhibit_id    text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('quiz', 'step')),
  item_id       text NOT NULL,
  attempts      bigint NOT NULL,
  wrong         bigint NOT NULL,
  PRIMARY KEY (center_id, day, exhibit_id, kind, item_id)
);
-- How often each wrong choice was picked: the most-chosen wrong answer.
CREATE TABLE wrong_choices (
  center_id     text NOT NULL,
  day           date NOT NULL,
  exhibit_id    text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('quiz', 'step')),
  item_id       text NOT NULL,
  choice_id     text NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (center_id, day, exhibit_id, kind, item_id, choice_id)
);
-- Which passports started an exhibit on a day: distinct students per exhibit.
CREATE TABLE exhibit_visitors (
  center_id     text NOT NULL,
  day           date NOT NULL,
  exhibit_id    text NOT NULL,
  passport_id   text NOT NULL,
  PRIMARY KEY (center_id, day, exhibit_id, passport_id)
);

INSERT INTO start_counts
SELECT center_id, day, exhibit_id, count(*) FILTER (WHERE passport_id IS NULL), count(*) FILTER (WHERE data->>'mode' = 'vr')
FROM events WHERE type = 'exhibit-started' GROUP BY 1, 2, 3;
INSERT INTO duration_counts
SELECT center_id, day, exhibit_id, duration_ms / 1000, count(*) FROM events
WHERE type = 'exhibit-completed' AND duration_ms IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO item_counts
SELECT center_id, day, exhibit_id, CASE WHEN type = 'answer-given' THEN 'quiz' ELSE 'step' END, item_id,
  count(*) FILTER (WHERE type <> 'step-mistake'), count(*) FILTER (WHERE type = 'step-mistake' OR NOT correct)
FROM events WHERE type IN ('answer-given', 'step-completed', 'step-mistake') AND item_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO wrong_choices
SELECT center_id, day, exhibit_id, CASE WHEN type = 'answer-given' THEN 'quiz' ELSE 'step' END, item_id, data->>'choiceId', count(*)
FROM events WHERE ((type = 'answer-given' AND NOT correct) OR type = 'step-mistake') AND item_id IS NOT NULL AND data->>'choiceId' IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO exhibit_visitors
SELECT DISTINCT center_id, day, exhibit_id, passport_id FROM events WHERE type = 'exhibit-started' AND passport_id IS NOT NULL;
