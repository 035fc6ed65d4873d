-- A conflict is recorded once: a later poll that meets the same two changes (while the local one
-- is still being pushed) finds it here.
CREATE INDEX conflict_sfid ON conflict (sfid);
