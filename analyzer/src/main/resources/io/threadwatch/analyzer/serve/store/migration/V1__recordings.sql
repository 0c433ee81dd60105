-- Plain SQL that H2 and PostgreSQL both take: no identity columns, no vendor types,
-- times as epoch milliseconds (BIGINT), ids made by the service.

CREATE TABLE recording (
    id               VARCHAR(32)   NOT NULL PRIMARY KEY,
    file_name        VARCHAR(255)  NOT NULL,
    compressed       BOOLEAN       NOT NULL,
    bytes            BIGINT        NOT NULL,
    uploaded_at      BIGINT        NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    message          VARCHAR(2000),
    analyzed_at      BIGINT,
    recording_start  BIGINT,
    recording_end    BIGINT,
    jvm              VARCHAR(200),
    worst_severity   VARCHAR(16),
    worst_kind       VARCHAR(32),
    worst_site       VARCHAR(1000),
    finding_count    INTEGER
);

CREATE INDEX recording_uploaded ON recording (uploaded_at);
CREATE INDEX recording_state ON recording (state);

CREATE TABLE recording_label (
    recording_id  VARCHAR(32)  NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    name          VARCHAR(64)  NOT NULL,
    label_value   VARCHAR(200) NOT NULL,
    PRIMARY KEY (recording_id, name)
);

CREATE INDEX recording_label_value ON recording_label (name, label_value);

CREATE TABLE finding (
    recording_id   VARCHAR(32)   NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    finding_id     VARCHAR(300)  NOT NULL,
    rule_id        VARCHAR(100)  NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    severity       VARCHAR(16)   NOT NULL,
    severity_rank  INTEGER       NOT NULL,
    site_frame     VARCHAR(1000) NOT NULL,
    fingerprint    VARCHAR(64)   NOT NULL,
    first_at       BIGINT        NOT NULL,
    last_at        BIGINT        NOT NULL,
    message        VARCHAR(4000) NOT NULL,
    PRIMARY KEY (recording_id, finding_id)
);

CREATE INDEX finding_fingerprint ON finding (fingerprint);
CREATE INDEX finding_kind ON finding (kind, severity_rank);
