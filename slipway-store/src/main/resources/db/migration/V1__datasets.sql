-- Datasets and their immutable versions. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Times are ISO-8601 UTC text (e.g. 2026-11-22T03:04:05.123Z).

CREATE TABLE datasets (
    name        VARCHAR(128) NOT NULL PRIMARY KEY,
    created_at  VARCHAR(40)  NOT NULL
);

CREATE TABLE dataset_versions (
    dataset          VARCHAR(128) NOT NULL REFERENCES datasets (name),
    id               VARCHAR(64)  NOT NULL,
    seq              INTEGER      NOT NULL,
    created_at       VARCHAR(40)  NOT NULL,
    row_count        BIGINT       NOT NULL,
    column_count     INTEGER      NOT NULL,
    -- the Parquet snapshot, relative to the home folder, with its sha256 and size
    snapshot_path    TEXT         NOT NULL,
    snapshot_sha256  VARCHAR(64)  NOT NULL,
    snapshot_bytes   BIGINT       NOT NULL,
    -- where the data came from: a file path, or a description of the operation that derived it
    source           TEXT         NOT NULL,
    -- sha256 over the source content and the options that shape the snapshot
    content_sha256   VARCHAR(64)  NOT NULL,
    schema_json      TEXT         NOT NULL,
    options_json     TEXT         NOT NULL,
    -- the profile document, a blob in the blob store
    profile_blob     VARCHAR(64)  NOT NULL,
    -- lineage: the version this one was derived from, if any, and how
    parent_dataset   VARCHAR(128),
    parent_version   VARCHAR(64),
    lineage_json     TEXT         NOT NULL,
    PRIMARY KEY (dataset, id),
    UNIQUE (dataset, seq)
);

CREATE INDEX dataset_versions_parent ON dataset_versions (parent_dataset, parent_version);
