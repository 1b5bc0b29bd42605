-- Call recordings: one row per stereo WAV file DATA/recordings/YYYY/MM/DD/ID.wav (the UTC day of
-- started_at), written only after the file is durable. Times are epoch milliseconds. call_id is
-- the id of the call's record (call_record.id) but not a foreign key: records and recordings have
-- their own lifetimes (a recording's retention), and a recording indexed again after a crash has
-- no known call ('').
CREATE TABLE recording (
    id                VARCHAR(32)  NOT NULL PRIMARY KEY,
    call_id           TEXT         NOT NULL,
    started_at        BIGINT       NOT NULL,
    ended_at          BIGINT       NOT NULL,
    duration_ms       BIGINT       NOT NULL,
    caller            VARCHAR(64)  NOT NULL,
    callee            VARCHAR(64)  NOT NULL,
    -- always, on-demand, unknown (Trigger.Kind)
    trigger_kind      VARCHAR(16)  NOT NULL,
    -- the extension whose policy or key press started it; '' when unknown
    trigger_extension VARCHAR(64)  NOT NULL,
    file_size         BIGINT       NOT NULL
);

-- newest first, and retention's oldest first
CREATE INDEX recording_started_at ON recording (started_at, id);
-- a call's recordings, for its call record
CREATE INDEX recording_call ON recording (call_id);
