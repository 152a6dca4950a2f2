-- Flows JPA task store: one row per task. Safe to run more than once, and brings a table created by
-- an earlier version up to date (ADD COLUMN IF NOT EXISTS).
CREATE TABLE IF NOT EXISTS flows_task (
    id          VARCHAR(22)  NOT NULL PRIMARY KEY,
    flow        VARCHAR(200) NOT NULL,
    position    VARCHAR(1000) NOT NULL,
    history     TEXT         NOT NULL,
    state       TEXT         NOT NULL,
    log         TEXT         NOT NULL,
    binding     VARCHAR(1000) NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS flows_task_expires_at ON flows_task (expires_at);
-- Live tasks per flow and step (TaskStore.countLive, the actuator endpoint): the count reads the
-- index alone. Created here for tables of earlier versions too.
CREATE INDEX IF NOT EXISTS flows_task_flow_position ON flows_task (flow, position, status, expires_at);
-- Added after the table was first shipped, so added here to a table created without them: who the
-- task belongs to (NULL in rows written before, read as anonymous), and the claim a request holds
-- on the task while it runs a step (both NULL when unclaimed).
ALTER TABLE flows_task ADD COLUMN IF NOT EXISTS owner VARCHAR(200);
ALTER TABLE flows_task ADD COLUMN IF NOT EXISTS claim_token VARCHAR(64);
ALTER TABLE flows_task ADD COLUMN IF NOT EXISTS claimed_until TIMESTAMP(6) WITH TIME ZONE;
