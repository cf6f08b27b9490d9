-- The district server's schema (PostgreSQL 15+). One row per registered center; its
-- secret is stored as a SHA-256 hash only (it is 256 random bits, like station tokens).
CREATE TABLE centers (
  id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  secret_hash   text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  -- The highest center-side events.seq received (the forwarding position, for staff).
  last_seq      bigint NOT NULL DEFAULT 0,
  last_seen_at  timestamptz,
  events        bigint NOT NULL DEFAULT 0
);

-- Every center's visit events, partitioned by month of the event's time. The primary
-- key must contain the partition key; the event id (a station-made UUIDv7) is unique on
-- its own, so a resent event — even under a re-paired center — is a duplicate.
-- Partitions are created on demand by the server (store.ts), one per month.
CREATE TYPE event_type AS ENUM ('exhibit-started', 'step-completed', 'step-mistake', 'answer-given',
  'exhibit-completed', 'stamp-awarded', 'exhibit-crashed', 'exhibit-exited');

-- Columns ordered widest alignment first (8, 4, then byte-aligned), so rows carry no
-- padding: storage per event is a budget (docs/district.md).
CREATE TABLE events (
  time          timestamptz NOT NULL,
  center_seq    bigint NOT NULL,
  day           date NOT NULL,            -- the calendar day in the center's zone
  type          event_type NOT NULL,
  duration_ms   integer,
  id            uuid NOT NULL,
  station_id    uuid NOT NULL,
  session_id    uuid,
  -- false: an exhibit this district does not know (stored, counted, flagged; never refused).
  exhibit_known boolean NOT NULL,
  correct       boolean,
  center_id     text NOT NULL,
  exhibit_id    text NOT NULL,
  item_id       text,
  passport_id   text,
  data          jsonb NOT NULL,
  PRIMARY KEY (id, time)
) PARTITION BY RANGE (time);
-- No other index: every one costs each insert and ~30 bytes per event, and dashboards
-- read the totals below, never the raw events.

-- Running totals per center, written by the same statement as the event insert
-- (store.ts): only rows the insert actually added reach them, so a resend adds nothing.
CREATE TABLE daily_counts (
  center_id     text NOT NULL,
  day           date NOT NULL,
  exhibit_id    text NOT NULL,
  type          event_type NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (center_id, day, exhibit_id, type)
);
CREATE TABLE session_counts (
  center_id     text NOT NULL,
  session_id    uuid NOT NULL,
  exhibit_id    text NOT NULL,
  type          event_type NOT NULL,
  n             bigint NOT NULL,
  first_day     date NOT NULL,
  last_day      date NOT NULL,
  PRIMARY KEY (center_id, session_id, exhibit_id, type)
);
CREATE TABLE daily_visitors (
  center_id     text NOT NULL,
  day           date NOT NULL,
  passport_id   text NOT NULL,
  PRIMARY KEY (center_id, day, passport_id)
);
CREATE TABLE session_visitors (
  center_id     text NOT NULL,
  session_id    uuid NOT NULL,
  passport_id   text NOT NULL,
  PRIMARY KEY (center_id, session_id, passport_id)
);
CREATE TABLE quiz_counts (
  center_id     text NOT NULL,
  day           date NOT NULL,
  exhibit_id    text NOT NULL,
  quiz_id       text NOT NULL,
  answers       bigint NOT NULL,
  wrong         bigint NOT NULL,
  PRIMARY KEY (center_id, day, exhibit_id, quiz_id)
);
-- Exhibit ids a center ran that this district does not know: for staff to look at.
CREATE TABLE unknown_exhibits (
  center_id     text NOT NULL,
  exhibit_id    text NOT NULL,
  first_seen_at timestamptz NOT NULL,
  events        bigint NOT NULL,
  PRIMARY KEY (center_id, exhibit_id)
);
