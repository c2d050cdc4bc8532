-- The life of inactive accounts (PostgreSQL). Keep in step with
-- ../sqlite/0025_account_life.sql.
--
-- An account without a log-in for a configured time (3 years by default)
-- is reminded by email, then anonymised (participe_domain::account_life).
-- The daily sweep runs once a day across all servers: the first to insert
-- the day's row in daily_runs does it.

ALTER TABLE users ADD COLUMN last_login_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN inactivity_reminded_at TIMESTAMPTZ;

CREATE TABLE daily_runs (
    task TEXT NOT NULL,
    day TEXT NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task, day)
);
