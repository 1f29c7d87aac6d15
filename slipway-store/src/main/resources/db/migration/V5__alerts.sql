-- Monitoring alerts: for each alert rule and model whether the rule fires, and every notification
-- it gave (fired, still firing in a new window, resolved) with how its delivery went. Portable SQL:
-- runs unchanged on SQLite and PostgreSQL. Times are ISO-8601 UTC text, always with milliseconds
-- (e.g. 2026-11-22T03:04:05.123Z), so that they sort as text.

CREATE TABLE alert_state (
    rule                   VARCHAR(128) NOT NULL,
    model                  VARCHAR(128) NOT NULL,
    -- 1 while the rule fires for the model, else 0
    firing                 SMALLINT     NOT NULL,
    -- when the rule started firing; set only while it fires
    firing_since           VARCHAR(40),
    -- the newest evaluation window seen; older windows evaluated later change nothing
    last_window_start      VARCHAR(40),
    last_window_end        VARCHAR(40),
    -- the window of the last "firing" notification: at most one per window
    notified_window_start  VARCHAR(40),
    notified_window_end    VARCHAR(40),
    -- how many notifications this rule gave for this model; numbers them from 1
    events                 BIGINT       NOT NULL,
    updated_at             VARCHAR(40)  NOT NULL,
    PRIMARY KEY (rule, model)
);

CREATE TABLE alert_events (
    rule               VARCHAR(128)     NOT NULL,
    model              VARCHAR(128)     NOT NULL,
    -- the n-th notification of this rule for this model, from 1
    seq                BIGINT           NOT NULL,
    -- firing or resolved
    state              VARCHAR(16)      NOT NULL,
    -- warning or critical
    severity           VARCHAR(16)      NOT NULL,
    -- the rule's condition in words, e.g. "metric auc below 0.8"
    condition_text     TEXT             NOT NULL,
    observed           DOUBLE PRECISION NOT NULL,
    -- absent for conditions on a drift verdict, which have no number to compare with
    bound              DOUBLE PRECISION,
    window_start       VARCHAR(40)      NOT NULL,
    window_end         VARCHAR(40)      NOT NULL,
    message            TEXT             NOT NULL,
    created_at         VARCHAR(40)      NOT NULL,
    firing_since       VARCHAR(40)      NOT NULL,
    -- the webhook delivery: none (no webhook), pending, delivered or failed
    delivery           VARCHAR(16)      NOT NULL,
    delivery_attempts  INTEGER          NOT NULL,
    delivery_detail    TEXT             NOT NULL,
    delivered_at       VARCHAR(40),
    PRIMARY KEY (rule, model, seq)
);

CREATE INDEX alert_events_created ON alert_events (created_at);
CREATE INDEX alert_events_model_created ON alert_events (model, created_at);
