-- Engine state lives in its own schema, apart from the Heroku Connect contract in the sync schema.

-- A mapping as the operator configured it, what the operator wants (target_state) and what the
-- engine is doing (status, in Heroku Connect's mapping state names).
CREATE TABLE mapping (
  object_name   text PRIMARY KEY,
  config        jsonb NOT NULL,
  target_state  text NOT NULL DEFAULT 'RUNNING' CHECK (target_state IN ('RUNNING', 'PAUSED')),
  status        text NOT NULL DEFAULT 'INITIAL',
  status_detail text,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Where incremental polling resumes: the last (SystemModstamp, Id) applied. Written in the same
-- transaction as the rows it covers.
CREATE TABLE inbound_cursor (
  object_name    text PRIMARY KEY REFERENCES mapping ON DELETE CASCADE,
  systemmodstamp timestamptz NOT NULL,
  last_id        varchar(18) NOT NULL,
  updated_at     timestamptz NOT NULL
);

-- The last Change Data Capture event applied per channel, saved with the rows it changed.
CREATE TABLE replay_position (
  channel    text PRIMARY KEY,
  replay_id  bigint NOT NULL,
  updated_at timestamptz NOT NULL
);

-- The initial load of each mapping: a load that did not reach DONE is started again from empty.
CREATE TABLE initial_load (
  object_name   text PRIMARY KEY REFERENCES mapping ON DELETE CASCADE,
  state         text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
  method        text CHECK (method IN ('BULK', 'REST')),
  job_id        text,
  rows_expected bigint,
  rows_loaded   bigint NOT NULL DEFAULT 0,
  high_water    timestamptz,
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  error         text
);

-- Inbound records that could not be applied, kept visible and retryable.
CREATE TABLE inbound_error (
  id          bigserial PRIMARY KEY,
  object_name text NOT NULL,
  sfid        varchar(18),
  code        text NOT NULL,
  message     text NOT NULL,
  occurred_at timestamptz NOT NULL
);
CREATE INDEX inbound_error_object_time ON inbound_error (object_name, occurred_at);

-- The drift check's last findings per mapping.
CREATE TABLE drift_check (
  object_name      text PRIMARY KEY REFERENCES mapping ON DELETE CASCADE,
  salesforce_count bigint NOT NULL,
  postgres_count   bigint NOT NULL,
  checked_at       timestamptz NOT NULL
);
