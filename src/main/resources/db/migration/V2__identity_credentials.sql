-- The managed-identity endpoint's secrets, by hash only: a node's belongs to one attempt of one
-- job (and is replaced when the node runs the next one); a probe's (no node, no job) belongs to a
-- cluster until it expires. No foreign keys: the endpoint checks the job and cluster on each use.
CREATE TABLE identity_credentials (
    secret_hash VARCHAR(64)                 NOT NULL PRIMARY KEY,
    workspace   VARCHAR(64)                 NOT NULL,
    cluster     VARCHAR(64)                 NOT NULL,
    node_id     VARCHAR(128),
    job_name    VARCHAR(255),
    attempt     INT                         NOT NULL,
    issued_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(9) WITH TIME ZONE
);

CREATE INDEX identity_credentials_node ON identity_credentials (node_id);
