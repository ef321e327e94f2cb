-- An event's reason by code and arguments (a JSON array), so that the timeline shows it in the
-- user's language. Events written before keep their English sentence in reason and no code.
ALTER TABLE event_log ADD COLUMN reason_code VARCHAR(128);
ALTER TABLE event_log ADD COLUMN reason_args VARCHAR;
