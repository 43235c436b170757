-- 0003: canonical events (one real-world event merged from per-article reports) and their reports.
-- A canonical event's id is a content hash of its sorted report ids (frontlines.merge.canonical_id),
-- so re-merging the same reports rewrites the same rows. Its evidence is its reports' evidence (joined
-- through canonical_reports, not copied). Plain SQL types only, ready for PostgreSQL.

CREATE TABLE canonical_events (
    event_id            TEXT PRIMARY KEY,
    event_date          TEXT NOT NULL,
    time_precision      INTEGER NOT NULL CHECK (time_precision IN (1, 2, 3)),
    event_type          TEXT NOT NULL,
    sub_event_type      TEXT NOT NULL,
    actor1              TEXT NOT NULL,
    assoc_actor_1       TEXT,
    inter1              INTEGER NOT NULL,
    actor2              TEXT,
    assoc_actor_2       TEXT,
    inter2              INTEGER,
    interaction         INTEGER NOT NULL,
    country             TEXT NOT NULL,
    iso3                TEXT NOT NULL,
    admin1              TEXT,
    admin2              TEXT,
    admin3              TEXT,
    location            TEXT NOT NULL,
    latitude            REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude           REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    geo_precision       INTEGER NOT NULL CHECK (geo_precision IN (1, 2, 3)),
    fatalities          INTEGER NOT NULL CHECK (fatalities >= 0),
    source              TEXT NOT NULL,
    unverified          INTEGER NOT NULL DEFAULT 0 CHECK (unverified IN (0, 1)),
    claim               INTEGER NOT NULL DEFAULT 0 CHECK (claim IN (0, 1)),
    notes               TEXT NOT NULL,
    article_ids         TEXT NOT NULL DEFAULT '[]',
    sources_count       INTEGER NOT NULL CHECK (sources_count >= 1),
    independent_sources INTEGER NOT NULL CHECK (independent_sources >= 1),
    fatalities_min      INTEGER NOT NULL CHECK (fatalities_min >= 0),
    fatalities_max      INTEGER NOT NULL CHECK (fatalities_max >= fatalities_min),
    outlets             TEXT NOT NULL DEFAULT '[]',
    -- a JSON list of {"field", "detail", "report_ids"}
    contradictions      TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX canonical_date ON canonical_events (event_date);
CREATE INDEX canonical_country ON canonical_events (country COLLATE NOCASE);
CREATE INDEX canonical_iso3 ON canonical_events (iso3);
CREATE INDEX canonical_admin1 ON canonical_events (admin1 COLLATE NOCASE);
CREATE INDEX canonical_type ON canonical_events (event_type);
CREATE INDEX canonical_sub_type ON canonical_events (sub_event_type);
CREATE INDEX canonical_lat_lon ON canonical_events (latitude, longitude);

-- Each report belongs to exactly one canonical event once merged; unmerged reports have no row.
CREATE TABLE canonical_reports (
    event_id     TEXT PRIMARY KEY REFERENCES events (event_id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL REFERENCES canonical_events (event_id) ON DELETE CASCADE
);

CREATE INDEX canonical_reports_canonical ON canonical_reports (canonical_id);
-- the neighbourhood query of the incremental merge
CREATE INDEX events_type_date ON events (event_type, event_date);
