-- Voicemail: mailboxes, the index of greeting and message recordings (the WAV files live in
-- DATA/voicemail/MAILBOX/), and the e-mail deliveries of messages. Times are epoch milliseconds.
-- A mailbox row is written on the first change of its settings or when a greeting or message
-- arrives; until then every extension has an implicit mailbox with the defaults below. Mailboxes
-- are not tied to the extension table: recordings outlive an extension's removal until deleted.

CREATE TABLE mailbox (
    number          VARCHAR(15)  NOT NULL PRIMARY KEY,
    -- pbkdf2-sha256$ITERATIONS$SALT$HASH (PinHash); NULL: no PIN yet. Never the PIN itself.
    pin_hash        TEXT,
    email           VARCHAR(254),
    -- attach, attach-delete, notify, off (EmailMode)
    email_mode      VARCHAR(16)  NOT NULL DEFAULT 'attach',
    -- en, fr, de; NULL: the server's voicemail.language
    language        VARCHAR(8),
    -- the custom greeting the owner switched on; NULL: the standard greetings
    active_greeting VARCHAR(32),
    -- when the temporary greeting stops playing; NULL: until it is deleted
    temporary_until BIGINT,
    -- the weekly schedule of custom greetings as text (WeeklySchedule), '' for none
    schedule        TEXT         NOT NULL DEFAULT '',
    created_at      BIGINT       NOT NULL
);

-- One row per recorded greeting; kind is the file stem: unavailable, busy, temporary, name, custom-NAME.
CREATE TABLE greeting (
    mailbox     VARCHAR(15) NOT NULL REFERENCES mailbox (number) ON DELETE CASCADE,
    kind        VARCHAR(40) NOT NULL,
    recorded_at BIGINT      NOT NULL,
    duration_ms BIGINT      NOT NULL,
    PRIMARY KEY (mailbox, kind)
);

-- One row per message, written only after its file MAILBOX/ID.wav is durable.
CREATE TABLE voicemail_message (
    id            VARCHAR(32)  NOT NULL PRIMARY KEY,
    mailbox       VARCHAR(15)  NOT NULL REFERENCES mailbox (number) ON DELETE CASCADE,
    -- NEW, OLD, SAVED
    folder        VARCHAR(8)   NOT NULL,
    caller_number VARCHAR(64)  NOT NULL,
    caller_name   VARCHAR(200) NOT NULL,
    received_at   BIGINT       NOT NULL,
    duration_ms   BIGINT       NOT NULL
);

-- a mailbox's messages in order, and its counts per folder, from the index alone
CREATE INDEX voicemail_message_mailbox ON voicemail_message (mailbox, received_at, id);
CREATE INDEX voicemail_message_folder ON voicemail_message (mailbox, folder);

-- The e-mail of a message; deleting the message removes it.
CREATE TABLE mail_delivery (
    message_id      VARCHAR(32) NOT NULL PRIMARY KEY REFERENCES voicemail_message (id) ON DELETE CASCADE,
    mailbox         VARCHAR(15) NOT NULL,
    address         VARCHAR(254) NOT NULL,
    -- attach, attach-delete, notify
    mode            VARCHAR(16) NOT NULL,
    -- PENDING, SENT, FAILED
    state           VARCHAR(8)  NOT NULL,
    attempts        INTEGER     NOT NULL,
    created_at      BIGINT      NOT NULL,
    next_attempt_at BIGINT,
    last_error      TEXT,
    sent_at         BIGINT
);

-- the sender's queue: the few pending rows, earliest first
CREATE INDEX mail_delivery_pending ON mail_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX mail_delivery_mailbox ON mail_delivery (mailbox);
