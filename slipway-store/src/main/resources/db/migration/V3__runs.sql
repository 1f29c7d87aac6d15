-- Training runs: every training, tuning and tuning trial, with what it was given and what it gave.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are ISO-8601 UTC text.

CREATE TABLE runs (
    -- 12 hex digits, chosen at random when the run starts
    id                VARCHAR(32)  NOT NULL PRIMARY KEY,
    -- train, tune or trial
    kind              VARCHAR(16)  NOT NULL,
    -- the tuning run a trial belongs to
    parent            VARCHAR(32)  REFERENCES runs (id),
    created_at        VARCHAR(40)  NOT NULL,
    duration_ms       BIGINT       NOT NULL,
    dataset           VARCHAR(128) NOT NULL,
    dataset_version   VARCHAR(64)  NOT NULL,
    dataset_sha256    VARCHAR(64)  NOT NULL,
    -- the held-out rows: "fraction 0.2", "cv 5 folds" or a dataset version
    holdout           TEXT         NOT NULL,
    target            VARCHAR(256) NOT NULL,
    task              VARCHAR(16)  NOT NULL,
    algorithm         VARCHAR(16)  NOT NULL,
    seed              BIGINT       NOT NULL,
    params_json       TEXT         NOT NULL,
    metrics_json      TEXT         NOT NULL,
    environment_json  TEXT         NOT NULL,
    -- the model version the run registered, if any
    model             VARCHAR(128),
    model_version     INTEGER
);

CREATE INDEX runs_parent ON runs (parent);
CREATE INDEX runs_created ON runs (created_at);
CREATE INDEX runs_dataset ON runs (dataset, dataset_version);
