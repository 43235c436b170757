-- 0003 (PostgreSQL): as ../0003_canonical.sql, with the types of 0001 here and a PostGIS point.

CREATE TABLE canonical_events (
    event_id            TEXT COLLATE "C" PRIMARY KEY,
    event_date          TEXT COLLATE "C" NOT NULL,
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
    latitude            DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude           DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    geo_precision       INTEGER NOT NULL CHECK (geo_precision IN (1, 2, 3)),
    fatalities          INTEGER NOT NULL CHECK (fatalities >= 0),
    source              TEXT NOT NULL,
    unverified          BOOLEAN NOT NULL DEFAULT false,
    claim               BOOLEAN NOT NULL DEFAULT false,
    notes               TEXT NOT NULL,
    article_ids         TEXT NOT NULL DEFAULT '[]',
    sources_count       INTEGER NOT NULL CHECK (sources_count >= 1),
    independent_sources INTEGER NOT NULL CHECK (independent_sources >= 1),
    fatalities_min      INTEGER NOT NULL CHECK (fatalities_min >= 0),
    fatalities_max      INTEGER NOT NULL CHECK (fatalities_max >= fatalities_min),
    outlets             TEXT NOT NULL DEFAULT '[]',
    -- a JSON list of {"field", "detail", "report_ids"}
    contradictions      TEXT NOT NULL DEFAULT '[]',
    geog                geography(Point, 4326)
                        GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography) STORED
);

CREATE INDEX canonical_date ON canonical_events (event_date, event_id);
CREATE INDEX canonical_country ON canonical_events (lower(country));
CREATE INDEX canonical_iso3 ON canonical_events (iso3);
CREATE INDEX canonical_admin1 ON canonical_events (lower(admin1));
CREATE INDEX canonical_type ON canonical_events (event_type);
CREATE INDEX canonical_sub_type ON canonical_events (sub_event_type);
CREATE INDEX canonical_lat_lon ON canonical_events (latitude, longitude);
CREATE INDEX canonical_geog ON canonical_events USING gist (geog);

-- Each report belongs to exactly one canonical event once merged; unmerged reports have no row.
CREATE TABLE canonical_reports (
    event_id     TEXT COLLATE "C" PRIMARY KEY REFERENCES events (event_id) ON DELETE CASCADE,
    canonical_id TEXT COLLATE "C" NOT NULL REFERENCES canonical_events (event_id) ON DELETE CASCADE
);

CREATE INDEX canonical_reports_canonical ON canonical_reports (canonical_id);
-- the neighbourhood query of the incremental merge
CREATE INDEX events_type_date ON events (event_type, event_date);
