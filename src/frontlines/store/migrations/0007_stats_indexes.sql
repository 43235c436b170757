-- 0007: indexes that answer /api/stats for a country from the index alone (bench/api.py on 1,000,000
-- events: 215 ms for one country, nearly all of it reading 125,000 table rows for two columns).
-- * (iso3, event_date, fatalities) and (country COLLATE NOCASE, iso3, event_date, fatalities): the
--   counts read each part of the country filter (frontlines.store.where.country_parts) in date order,
--   covered, and group by day without sorting. Both keep the prefix the old one-column indexes had.
-- * canonical_reports (canonical_id, event_id): a page's report ids come sorted from the index, covered.

DROP INDEX canonical_iso3;
CREATE INDEX canonical_iso3 ON canonical_events (iso3, event_date, fatalities);
DROP INDEX canonical_country;
CREATE INDEX canonical_country ON canonical_events (country COLLATE NOCASE, iso3, event_date, fatalities);
DROP INDEX events_iso3;
CREATE INDEX events_iso3 ON events (iso3, event_date, fatalities);
DROP INDEX events_country;
CREATE INDEX events_country ON events (country COLLATE NOCASE, iso3, event_date, fatalities);
DROP INDEX canonical_reports_canonical;
CREATE INDEX canonical_reports_canonical ON canonical_reports (canonical_id, event_id);

-- DROP INDEX drops the index's statistics too. A store that was analysed would be left guessing that a
-- country is rare, and read a country's page (country + year, 100 rows) from the country index, sorting
-- the whole year, not from the date index in order: 4 ms became 360 ms on bench/api.py's store. So the
-- new indexes are analysed here (a few seconds on 1,000,000 events; nothing to read on a new store).
ANALYZE canonical_iso3;
ANALYZE canonical_country;
ANALYZE events_iso3;
ANALYZE events_country;
ANALYZE canonical_reports_canonical;
