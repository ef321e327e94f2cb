-- Command jobs from Azure ML v2 YAML: the local code folder copied into each attempt's working
-- folder, and the job's inputs and outputs (JSON maps by name; '{}' for jobs that have none).
ALTER TABLE jobs ADD COLUMN code VARCHAR;
ALTER TABLE jobs ADD COLUMN inputs VARCHAR DEFAULT '{}' NOT NULL;
ALTER TABLE jobs ADD COLUMN outputs VARCHAR DEFAULT '{}' NOT NULL;
