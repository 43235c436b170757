-- 0001: articles, events with their evidence, the rejection log and the run log.
-- Ids are content hashes made by the caller, so inserting with
-- ON CONFLICT (id) DO NOTHING makes re-ingesting a no-op.
-- Dates and timestamps are ISO-8601 text (they sort as dates); JSON columns hold compact JSON.

CREATE TABLE articles (
    article_id  TEXT PRIMARY KEY,
    origin      TEXT NOT NULL,
    title       TEXT,
    text        TEXT NOT NULL,
    published   TEXT,
    source      TEXT,
    url         TEXT,
    language    TEXT,
    extra       TEXT NOT NULL DEFAULT '{}',
    -- set on the first insert only: a re-run leaves it as it was
    ingested_at TEXT NOT NULL
);

CREATE TABLE events (
    event_id       TEXT PRIMARY KEY,
    event_date     TEXT NOT NULL,
    time_precision INTEGER NOT NULL CHECK (time_precision IN (1, 2, 3)),
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT NOT NULL,
    assoc_actor_1  TEXT,
    inter1         INTEGER NOT NULL,
    actor2         TEXT,
    assoc_actor_2  TEXT,
    inter2         INTEGER,
    interaction    INTEGER NOT NULL,
    country        TEXT NOT NULL,
    iso3           TEXT NOT NULL,
    admin1         TEXT,
    admin2         TEXT,
    admin3         TEXT,
    location       TEXT NOT NULL,
    latitude       REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude      REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    geo_precision  INTEGER NOT NULL CHECK (geo_precision IN (1, 2, 3)),
    fatalities     INTEGER NOT NULL CHECK (fatalities >= 0),
    source         TEXT NOT NULL,
    notes          TEXT NOT NULL,
    article_ids    TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_country ON events (country COLLATE NOCASE);
CREATE INDEX events_iso3 ON events (iso3);
CREATE INDEX events_admin1 ON events (admin1 COLLATE NOCASE);
CREATE INDEX events_type ON events (event_type);
CREATE INDEX events_sub_type ON events (sub_event_type);
CREATE INDEX events_lat_lon ON events (latitude, longitude);

-- seq keeps the evidence order of the event; the UNIQUE constraint refuses the same quote twice.
CREATE TABLE evidence (
    event_id   TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    field      TEXT NOT NULL,
    quote      TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (event_id, seq),
    UNIQUE (event_id, article_id, field, quote, start, "end"),
    CHECK (start >= 0 AND "end" >= start)
);

CREATE INDEX evidence_article ON evidence (article_id);

-- A log: one row per (origin, stage, code, article), first sighting kept.
CREATE TABLE rejections (
    rejection_id TEXT PRIMARY KEY,
    origin       TEXT NOT NULL,
    stage        TEXT NOT NULL,
    code         TEXT NOT NULL,
    detail       TEXT NOT NULL,
    article_id   TEXT,
    first_seen   TEXT NOT NULL
);

CREATE INDEX rejections_article ON rejections (article_id);

-- One row per repository session and config: what that run added.
CREATE TABLE runs (
    run_id      INTEGER PRIMARY KEY,
    started     TEXT NOT NULL,
    config_hash TEXT NOT NULL,
    counts      TEXT NOT NULL DEFAULT '{}'
);
