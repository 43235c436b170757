-- 0007: as SQLite's 0007, indexes that can answer per-period counts for a country from the index alone
-- (an index-only scan once the table is vacuumed) and give a page's report ids sorted.
-- The country indexes keep the prefix of the old ones, so the event filters use them as before.

DROP INDEX canonical_iso3;
CREATE INDEX canonical_iso3 ON canonical_events (iso3, event_date, fatalities);
DROP INDEX canonical_country;
CREATE INDEX canonical_country ON canonical_events (lower(country), iso3, event_date, fatalities);
DROP INDEX events_iso3;
CREATE INDEX events_iso3 ON events (iso3, event_date, fatalities);
DROP INDEX events_country;
CREATE INDEX events_country ON events (lower(country), iso3, event_date, fatalities);
DROP INDEX canonical_reports_canonical;
CREATE INDEX canonical_reports_canonical ON canonical_reports (canonical_id, event_id);
