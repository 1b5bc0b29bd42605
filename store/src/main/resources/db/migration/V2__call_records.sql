-- Call records (CDR): one row per call, inserted when the call starts and completed when it
-- ends, so a crash leaves an open row that the next start completes as INTERRUPTED.
-- Times are epoch milliseconds; an open call has NULL ended_at, disposition, cause, hangup_side.
CREATE TABLE call_record (
    id          TEXT         NOT NULL PRIMARY KEY,
    caller      VARCHAR(64)  NOT NULL,
    caller_name VARCHAR(200) NOT NULL,
    callee      TEXT         NOT NULL,
    started_at  BIGINT       NOT NULL,
    answered_at BIGINT,
    ended_at    BIGINT,
    -- enum names: ANSWERED, NO_ANSWER, BUSY, FAILED, CANCELLED
    disposition VARCHAR(16),
    -- enum names of HangupCause, e.g. NORMAL_CLEARING, INTERRUPTED
    cause       VARCHAR(32),
    -- CALLER, CALLEE or SYSTEM
    hangup_side VARCHAR(8),
    -- the leg ids, comma-separated, the caller's first ('%' and ',' inside an id are %-escaped)
    leg_ids     TEXT         NOT NULL
);

-- "the latest calls" reads newest first by start (id breaks ties, so the index gives the whole order)
CREATE INDEX call_record_started_at ON call_record (started_at, id);
-- the few open rows, found at start without scanning years of history
CREATE INDEX call_record_open ON call_record (id) WHERE ended_at IS NULL;
