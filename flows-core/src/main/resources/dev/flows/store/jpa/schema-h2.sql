-- Flows JPA task store: one row per task. Safe to run more than once.
CREATE TABLE IF NOT EXISTS flows_task (
    id          VARCHAR(22)               NOT NULL PRIMARY KEY,
    flow        VARCHAR(200)              NOT NULL,
    position    VARCHAR(1000)             NOT NULL,
    history     CHARACTER LARGE OBJECT    NOT NULL,
    state       CHARACTER LARGE OBJECT    NOT NULL,
    log         CHARACTER LARGE OBJECT    NOT NULL,
    binding     VARCHAR(1000)             NOT NULL,
    status      VARCHAR(20)               NOT NULL,
    version     BIGINT                    NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS flows_task_expires_at ON flows_task (expires_at);
