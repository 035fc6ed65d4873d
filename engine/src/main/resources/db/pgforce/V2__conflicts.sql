-- A Salesforce change that met a row whose own change was still waiting to be pushed: both
-- values are kept so an operator can see what happened and which side won.
CREATE TABLE conflict (
  id             bigserial PRIMARY KEY,
  object_name    text NOT NULL,
  sfid           varchar(18) NOT NULL,
  record_id      integer NOT NULL,
  local_values   text,          -- the waiting change's columns, hstore text as in _trigger_log
  local_at       timestamptz NOT NULL,
  remote_values  jsonb NOT NULL,
  remote_at      timestamptz NOT NULL,
  winner         text NOT NULL CHECK (winner IN ('LOCAL', 'SALESFORCE')),
  detected_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conflict_object_time ON conflict (object_name, detected_at);
