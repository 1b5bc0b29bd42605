-- Extensions, their sealed SIP secrets, and the durable copy of the location service.
-- Times are epoch milliseconds (BIGINT). Types and statements are chosen to read the same on
-- SQLite and PostgreSQL, except BLOB (BYTEA there).

-- One row per master key version: an AES-GCM sealing of a fixed text, so a key file that does
-- not belong to this database is refused at start instead of failing on every login.
CREATE TABLE secret_key (
    version     INTEGER PRIMARY KEY,
    check_value BLOB    NOT NULL,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE extension (
    number             VARCHAR(15)  NOT NULL PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    created_at         BIGINT       NOT NULL,
    -- nonce (12 bytes) || AES-256-GCM ciphertext || tag (16 bytes); never the clear password
    secret_sealed      BLOB         NOT NULL,
    secret_key_version INTEGER      NOT NULL REFERENCES secret_key (version)
);

-- RFC 3261 §10.3 bindings, keyed by (aor, contact_uri); removed with their extension.
CREATE TABLE binding (
    aor           VARCHAR(15) NOT NULL REFERENCES extension (number) ON DELETE CASCADE,
    contact_uri   TEXT        NOT NULL,
    expires_at    BIGINT      NOT NULL,
    call_id       TEXT        NOT NULL,
    cseq          BIGINT      NOT NULL,
    transport     VARCHAR(8)  NOT NULL,
    local_host    VARCHAR(64) NOT NULL,
    local_port    INTEGER     NOT NULL,
    remote_host   VARCHAR(64) NOT NULL,
    remote_port   INTEGER     NOT NULL,
    user_agent    TEXT        NOT NULL,
    registered_at BIGINT      NOT NULL,
    PRIMARY KEY (aor, contact_uri)
);
