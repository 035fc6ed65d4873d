-- The shared part of a sync schema, in Heroku Connect's shape. Idempotent: run at every start.
-- {{schema}} is the quoted sync schema, {{hstore}} the quoted schema the hstore extension lives in.
-- Every function pins its search_path, so nothing depends on "public" being on the caller's path.

CREATE TABLE IF NOT EXISTS {{schema}}."_hcmeta" (
  id serial PRIMARY KEY,
  hcver integer,
  org_id varchar(50),
  details text
);

CREATE SEQUENCE IF NOT EXISTS {{schema}}."_trigger_log_id_seq";

CREATE TABLE IF NOT EXISTS {{schema}}."_trigger_log" (
  id integer PRIMARY KEY DEFAULT nextval('{{schema_literal}}."_trigger_log_id_seq"'),
  txid bigint,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  processed_at timestamptz,
  processed_tx bigint,
  state varchar(8),
  action varchar(7),
  table_name varchar(128),
  record_id integer,
  sfid varchar(18),
  old text,
  "values" text,
  sf_result integer,
  sf_message text
);
ALTER SEQUENCE {{schema}}."_trigger_log_id_seq" OWNED BY {{schema}}."_trigger_log".id;

-- The archive has the log's columns, without its defaults (rows arrive with their values).
CREATE TABLE IF NOT EXISTS {{schema}}."_trigger_log_archive" (LIKE {{schema}}."_trigger_log", PRIMARY KEY (id));

CREATE INDEX IF NOT EXISTS "_trigger_log_idx_state_id" ON {{schema}}."_trigger_log" (state, id);
CREATE INDEX IF NOT EXISTS "_trigger_log_idx_created_at" ON {{schema}}."_trigger_log" (created_at);
CREATE INDEX IF NOT EXISTS "_trigger_log_idx_state_table_name" ON {{schema}}."_trigger_log" (state, table_name)
  WHERE state IN ('NEW', 'PENDING');
-- pgforce's own, beyond Heroku Connect's: finds a record's waiting entries without scanning the
-- whole backlog (claiming merges them, recording a result checks for newer ones). Without it a
-- round of N results over a backlog of M entries costs N x M.
CREATE INDEX IF NOT EXISTS "_trigger_log_idx_waiting_record" ON {{schema}}."_trigger_log" (table_name, record_id)
  WHERE state IN ('NEW', 'PENDING');
-- Also pgforce's own: an inbound read skips a record whose local delete waits to be pushed.
CREATE INDEX IF NOT EXISTS "_trigger_log_idx_waiting_delete" ON {{schema}}."_trigger_log" (sfid)
  WHERE action = 'DELETE' AND state IN ('NEW', 'PENDING');
CREATE INDEX IF NOT EXISTS "_trigger_log_archive_idx_created_at" ON {{schema}}."_trigger_log_archive" (created_at);
CREATE INDEX IF NOT EXISTS "_trigger_log_archive_idx_record_id" ON {{schema}}."_trigger_log_archive" (record_id);
CREATE INDEX IF NOT EXISTS "_trigger_log_archive_idx_state_table_name" ON {{schema}}."_trigger_log_archive" (state, table_name)
  WHERE state = 'FAILED';

-- Wakes the writer: LISTEN "<schema>.hc_trigger_log", as Heroku Connect names the channel.
CREATE OR REPLACE FUNCTION {{schema}}."tlog_notify_trigger"() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  PERFORM pg_notify({{schema_literal_text}} || '.hc_trigger_log', 'ping');
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "tlog_insert_trigger" AFTER INSERT ON {{schema}}."_trigger_log"
  FOR EACH ROW EXECUTE FUNCTION {{schema}}."tlog_notify_trigger"();

-- An entry set back to NEW (an operator retrying a FAILED write, as Heroku Connect users do in
-- SQL) wakes the writer too, instead of waiting for its poll.
CREATE OR REPLACE TRIGGER "tlog_requeue_trigger" AFTER UPDATE OF state ON {{schema}}."_trigger_log"
  FOR EACH ROW WHEN (NEW.state = 'NEW' AND OLD.state IS DISTINCT FROM 'NEW')
  EXECUTE FUNCTION {{schema}}."tlog_notify_trigger"();

-- Logs an application's change to a mapped row. TG_ARGV[0] is the state a change starts in:
-- NEW on read-write tables, READONLY on read-only ones (kept, not pushed). The trigger's WHEN
-- clause skips the sync's own sessions, so this only ever sees application writes.
CREATE OR REPLACE FUNCTION {{schema}}."hc_log_change"() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, {{hstore}} AS $$
DECLARE
  excluded text[] := ARRAY['_hc_lastop', '_hc_err'];
  entry {{schema}}."_trigger_log";
BEGIN
  entry.id := nextval('{{schema_literal}}."_trigger_log_id_seq"');
  entry.txid := txid_current();
  entry.created_at := clock_timestamp();
  entry.updated_at := entry.created_at;
  entry.action := TG_OP;
  entry.table_name := TG_TABLE_NAME;
  entry.state := TG_ARGV[0];
  IF TG_OP = 'INSERT' THEN
    entry.record_id := NEW.id;
    entry."values" := (hstore(NEW) - excluded)::text;
  ELSIF TG_OP = 'UPDATE' THEN
    entry.record_id := NEW.id;
    entry.sfid := OLD.sfid;
    entry.old := (hstore(OLD) - excluded)::text;
    entry."values" := ((hstore(NEW) - hstore(OLD)) - excluded)::text;
    IF entry."values" = '' THEN
      entry."values" := NULL;
      IF entry.state = 'NEW' THEN
        entry.state := 'IGNORE'; -- nothing the application can see changed
      END IF;
    END IF;
  ELSE
    entry.record_id := OLD.id;
    entry.sfid := OLD.sfid;
    entry.old := (hstore(OLD) - excluded)::text;
    -- Without an sfid the row never reached Salesforce, so there is nothing to delete there;
    -- unless its insert is being pushed (or was, and its sfid is not written back yet): then the
    -- writer stamps the sfid on this entry and the record is deleted like any other. A writer
    -- may be claiming the insert right now, unseen by this snapshot: waiting for its claim first
    -- lets the check below (a new snapshot) see the insert PENDING.
    IF OLD.sfid IS NULL AND entry.state = 'NEW' THEN
      PERFORM 1 FROM {{schema}}."_trigger_log" l
      WHERE l.table_name = TG_TABLE_NAME AND l.record_id = OLD.id AND l.state = 'NEW' FOR SHARE;
    END IF;
    IF OLD.sfid IS NULL AND entry.state = 'NEW' AND NOT EXISTS (
        SELECT 1 FROM {{schema}}."_trigger_log" l
        WHERE l.table_name = TG_TABLE_NAME AND l.record_id = OLD.id
          AND l.state IN ('PENDING', 'SUCCESS', 'MERGED')) THEN
      entry.state := 'IGNORE';
    END IF;
  END IF;
  INSERT INTO {{schema}}."_trigger_log" VALUES (entry.*);
  RETURN NULL;
END $$;

-- An application's write marks its row PENDING until the writer has pushed it. The trigger's WHEN
-- clause keeps the sync's own sessions out, so their writes keep the status they set and a bulk
-- COPY runs no per-row PL/pgSQL at all. An update that changes nothing is logged IGNORE and never
-- pushed, so it keeps the row's status: a PENDING row nothing will push would refuse every later
-- change from Salesforce.
CREATE OR REPLACE FUNCTION {{schema}}."hc_status"() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW._hc_lastop := OLD._hc_lastop;
    NEW._hc_err := OLD._hc_err;
    IF NEW IS NOT DISTINCT FROM OLD THEN
      RETURN NEW;
    END IF;
  END IF;
  NEW._hc_lastop := 'PENDING';
  NEW._hc_err := NULL;
  RETURN NEW;
END $$;

-- Heroku Connect silently drops a TRUNCATE; pgforce refuses it, since nothing would tell
-- Salesforce and the two sides would drift apart without a trace.
CREATE OR REPLACE FUNCTION {{schema}}."hc_refuse_truncate"() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF current_setting('pgforce.sync', true) IS DISTINCT FROM 'on' THEN
    RAISE EXCEPTION 'pgforce: TRUNCATE of %.% is not sent to Salesforce, so the table and the org would drift apart',
        TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'feature_not_supported',
            HINT = 'Delete the rows with DELETE (each delete is pushed to Salesforce), reload the mapping with "pgforce reload <Object>", or turn the guard off with sync.truncate-guard: false.';
  END IF;
  RETURN NULL;
END $$;
