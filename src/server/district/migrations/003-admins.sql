-- District administrators (the dashboard and yearly report over all centers). Passwords
-- hashed with scrypt as the center's accounts are (auth/secrets.ts); sign-in tokens are
-- 256 random bits, stored as a SHA-256 hash only, and expire.
CREATE TABLE district_admins (
  username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,31}$'),
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE district_sessions (
  token_hash    text PRIMARY KEY,
  username      text NOT NULL REFERENCES district_admins (username) ON DELETE CASCADE,
  expires_at    timestamptz NOT NULL
);
