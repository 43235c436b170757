-- 0004: the record of incremental ingests (`frontlines ingest --since-last`): one row per run, and
-- each input file a run finished, by content hash, so that the next run reads only new files.
-- Ids are made by the caller (text), so the same SQL serves every engine.

CREATE TABLE ingest_runs (
    run_id   TEXT PRIMARY KEY,
    started  TEXT NOT NULL,
    -- NULL while running, and for ever when the run was killed (the next run completes its work)
    finished TEXT,
    -- JSON list of the paths given on the command line
    inputs   TEXT NOT NULL,
    -- JSON: files read and unchanged, articles, events and rejections added
    counts   TEXT NOT NULL DEFAULT '{}'
);

-- A file is recorded once all its articles are stored: a killed run records only finished files.
CREATE TABLE ingested_files (
    digest   TEXT PRIMARY KEY,
    path     TEXT NOT NULL,
    run_id   TEXT NOT NULL REFERENCES ingest_runs (run_id),
    articles INTEGER NOT NULL,
    events   INTEGER NOT NULL,
    done_at  TEXT NOT NULL
);

CREATE INDEX ingested_files_run ON ingested_files (run_id);
