-- The whole state of Compute Studio. Conventions:
--   * instants are TIMESTAMP(9) WITH TIME ZONE, written in UTC, so every java.time.Instant comes back exactly;
--   * enums are stored by their Java name;
--   * lists and maps (tags, environment variables, errors, node ids, identity ids) are JSON text;
--   * the service layer deletes a parent's children first; a foreign key without a cascade
--     is the backstop that catches a forgotten step.

CREATE TABLE workspaces (
    name            VARCHAR(64)                 NOT NULL PRIMARY KEY,
    location        VARCHAR(64)                 NOT NULL,
    subscription_id VARCHAR(64)                 NOT NULL,
    resource_group  VARCHAR(128)                NOT NULL,
    created_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE TABLE clusters (
    workspace                  VARCHAR(64)                 NOT NULL,
    name                       VARCHAR(64)                 NOT NULL,
    -- spec
    size                       VARCHAR(64),
    tier                       VARCHAR(16)                 NOT NULL,
    min_nodes                  INT                         NOT NULL,
    max_nodes                  INT                         NOT NULL,
    idle_seconds               BIGINT                      NOT NULL,
    ssh_public_access_enabled  BOOLEAN                     NOT NULL,
    ssh_admin_username         VARCHAR(64),
    -- Stored as given: the database file is readable by its owner only. Unbounded so that no
    -- length error ever echoes the secret back in a message.
    ssh_admin_password         VARCHAR,
    ssh_key_value              VARCHAR,
    vnet_name                  VARCHAR(256),
    subnet                     VARCHAR(1024),
    identity_type              VARCHAR(16)                 NOT NULL,
    user_assigned_identity_ids VARCHAR                     NOT NULL,
    tags                       VARCHAR                     NOT NULL,
    description                VARCHAR,
    location                   VARCHAR(64),
    -- status
    provisioning_state         VARCHAR(16)                 NOT NULL,
    allocation_state           VARCHAR(16)                 NOT NULL,
    allocation_transition_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    current_node_count         INT                         NOT NULL,
    target_node_count          INT                         NOT NULL,
    idle_node_count            INT                         NOT NULL,
    running_node_count         INT                         NOT NULL,
    preparing_node_count       INT                         NOT NULL,
    unusable_node_count        INT                         NOT NULL,
    leaving_node_count         INT                         NOT NULL,
    preempted_node_count       INT                         NOT NULL,
    errors                     VARCHAR                     NOT NULL,
    -- system-assigned identity: all three set or all three null
    system_principal_id        VARCHAR(64),
    system_tenant_id           VARCHAR(64),
    system_client_id           VARCHAR(64),
    attached_resource_id       VARCHAR(1024),
    created_at                 TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace, name),
    FOREIGN KEY (workspace) REFERENCES workspaces (name),
    -- One compute resource is attached under one name only (nulls, i.e. created here, do not clash).
    UNIQUE (workspace, attached_resource_id)
);

-- Removed nodes stay as GONE so the timeline can still draw them; they go with their cluster.
CREATE TABLE nodes (
    -- Insertion order: breaks ties between nodes created at the same instant.
    seq                BIGINT GENERATED ALWAYS AS IDENTITY,
    id                 VARCHAR(128)                NOT NULL PRIMARY KEY,
    workspace          VARCHAR(64)                 NOT NULL,
    cluster            VARCHAR(64)                 NOT NULL,
    state              VARCHAR(16)                 NOT NULL,
    private_ip_address VARCHAR(64),
    ssh_port           INT                         NOT NULL,
    current_job        VARCHAR(255),
    created_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    state_since        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    runner_handle      VARCHAR(256),
    job_handle         VARCHAR(256),
    FOREIGN KEY (workspace, cluster) REFERENCES clusters (workspace, name)
);

CREATE INDEX nodes_by_cluster ON nodes (workspace, cluster, created_at, seq);

-- Jobs outlive their cluster (no key to clusters) and have no delete of their own, so they go
-- with their workspace.
CREATE TABLE jobs (
    -- Submission order: keeps the queue first in, first out for jobs created at the same instant.
    seq                   BIGINT GENERATED ALWAYS AS IDENTITY,
    workspace             VARCHAR(64)                 NOT NULL,
    name                  VARCHAR(255)                NOT NULL,
    -- spec
    display_name          VARCHAR,
    experiment_name       VARCHAR(255)                NOT NULL,
    compute               VARCHAR(255),
    command               VARCHAR,
    image                 VARCHAR(512),
    instance_count        INT                         NOT NULL,
    environment_variables VARCHAR                     NOT NULL,
    timeout_millis        BIGINT,
    description           VARCHAR,
    -- status
    status                VARCHAR(32)                 NOT NULL,
    attempt               INT                         NOT NULL,
    created_at            TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    started_at            TIMESTAMP(9) WITH TIME ZONE,
    ended_at              TIMESTAMP(9) WITH TIME ZONE,
    exit_code             INT,
    error                 VARCHAR,
    node_ids              VARCHAR                     NOT NULL,
    PRIMARY KEY (workspace, name),
    FOREIGN KEY (workspace) REFERENCES workspaces (name) ON DELETE CASCADE
);

CREATE INDEX jobs_by_status ON jobs (status, created_at, seq);

-- Raised or lowered limits only; a key without a row keeps its default. No delete of their own,
-- so they go with their workspace.
CREATE TABLE quota_limits (
    workspace   VARCHAR(64)  NOT NULL,
    quota_key   VARCHAR(128) NOT NULL,
    limit_value INT          NOT NULL,
    PRIMARY KEY (workspace, quota_key),
    FOREIGN KEY (workspace) REFERENCES workspaces (name) ON DELETE CASCADE
);

CREATE TABLE resource_locks (
    workspace  VARCHAR(64)                 NOT NULL,
    name       VARCHAR(260)                NOT NULL,
    level      VARCHAR(16)                 NOT NULL,
    notes      VARCHAR,
    created_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace, name),
    FOREIGN KEY (workspace) REFERENCES workspaces (name)
);

CREATE TABLE user_assigned_identities (
    workspace    VARCHAR(64)                 NOT NULL,
    name         VARCHAR(128)                NOT NULL,
    resource_id  VARCHAR(1024)               NOT NULL,
    client_id    VARCHAR(64)                 NOT NULL,
    principal_id VARCHAR(64)                 NOT NULL,
    tenant_id    VARCHAR(64)                 NOT NULL,
    created_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace, name),
    FOREIGN KEY (workspace) REFERENCES workspaces (name),
    -- Workspaces of one resource group share identities' ids, as in the cloud: one resource, one row.
    UNIQUE (resource_id)
);

-- The history of nodes, jobs and scaling decisions. No foreign keys: it outlives what it describes.
CREATE TABLE event_log (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    kind      VARCHAR(16)                 NOT NULL,
    workspace VARCHAR(64)                 NOT NULL,
    cluster   VARCHAR(255),
    node_id   VARCHAR(128),
    job_name  VARCHAR(255),
    state     VARCHAR(64)                 NOT NULL,
    attempt   INT                         NOT NULL,
    reason    VARCHAR
);

CREATE INDEX event_log_timeline ON event_log (workspace, cluster, at);
CREATE INDEX event_log_job ON event_log (workspace, job_name);

-- One row that every append locks first, so that sequence numbers are committed in order and a
-- reader that follows the log by sequence never skips an event committed late by another process.
CREATE TABLE event_log_append_lock (
    id INT NOT NULL PRIMARY KEY
);

INSERT INTO event_log_append_lock (id) VALUES (1);

CREATE TABLE settings (
    setting_key   VARCHAR(128) NOT NULL PRIMARY KEY,
    setting_value VARCHAR      NOT NULL
);

-- The engine lease: one row; the process named in owner runs the scheduler while its heartbeat is fresh.
CREATE TABLE engine_lease (
    id          INT          NOT NULL PRIMARY KEY,
    owner       VARCHAR(128),
    description VARCHAR(512),
    heartbeat   TIMESTAMP(9) WITH TIME ZONE
);
INSERT INTO engine_lease (id) VALUES (1);
