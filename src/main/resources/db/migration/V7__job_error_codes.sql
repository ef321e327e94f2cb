-- A job's error by code and arguments (a JSON array), so that the studio shows it in the user's
-- language. The English sentence stays in error for anyone reading the table; jobs written before
-- have only that sentence.
ALTER TABLE jobs ADD COLUMN error_code VARCHAR(128);
ALTER TABLE jobs ADD COLUMN error_args VARCHAR;
