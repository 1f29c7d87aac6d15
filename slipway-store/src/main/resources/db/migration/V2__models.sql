-- Registered models, their numbered versions, aliases and tags. Portable SQL: runs unchanged on
-- SQLite and PostgreSQL. Times are ISO-8601 UTC text (e.g. 2026-11-22T03:04:05.123Z).

CREATE TABLE models (
    name          VARCHAR(128) NOT NULL PRIMARY KEY,
    description   TEXT         NOT NULL,
    created_at    VARCHAR(40)  NOT NULL,
    -- the highest version number ever given, so that a deleted version's number is never reused
    last_version  INTEGER      NOT NULL
);

CREATE TABLE model_versions (
    model            VARCHAR(128) NOT NULL REFERENCES models (name),
    version          INTEGER      NOT NULL,
    -- the package's manifest, a blob in the blob store; it lists the package's other blobs
    manifest_blob    VARCHAR(64)  NOT NULL,
    -- copied from the manifest for listings: the model format (xgboost, onnx, ...) and the task
    model_format     VARCHAR(64)  NOT NULL,
    task             VARCHAR(16),
    created_at       VARCHAR(40)  NOT NULL,
    description      TEXT         NOT NULL,
    -- lineage: the training run and the dataset version it learned from, if known
    run_id           VARCHAR(64),
    dataset_name     VARCHAR(128),
    dataset_version  VARCHAR(64),
    PRIMARY KEY (model, version)
);

CREATE INDEX model_versions_run ON model_versions (run_id);
CREATE INDEX model_versions_dataset ON model_versions (dataset_name, dataset_version);

CREATE TABLE model_aliases (
    model       VARCHAR(128) NOT NULL,
    alias       VARCHAR(64)  NOT NULL,
    version     INTEGER      NOT NULL,
    updated_at  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (model, alias),
    FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
);

CREATE TABLE model_tags (
    model  VARCHAR(128) NOT NULL REFERENCES models (name),
    tag    VARCHAR(128) NOT NULL,
    value  TEXT         NOT NULL,
    PRIMARY KEY (model, tag)
);

CREATE TABLE model_version_tags (
    model    VARCHAR(128) NOT NULL,
    version  INTEGER      NOT NULL,
    tag      VARCHAR(128) NOT NULL,
    value    TEXT         NOT NULL,
    PRIMARY KEY (model, version, tag),
    FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
);
