-- 0006: indexes that let the API's event queries stop after one page (bench/api.py on 1,000,000 events).
-- * (event_date, event_id): the order of every event list, so a page (and the keyset condition
--   (event_date, event_id) > (?, ?) of the next one) is read in order from the index, never sorted.
-- * (event_type | sub_event_type, event_date, event_id): a type filter reads its events in that order.
-- * (event_date, latitude, longitude): a bbox or near filter visits each day of its date range and
--   only the rows of that day inside the latitude band (frontlines.store.where, SQLite's day skip-scan).
-- events_type_date is the prefix of the new events_type.

DROP INDEX canonical_date;
CREATE INDEX canonical_date ON canonical_events (event_date, event_id);
DROP INDEX canonical_type;
CREATE INDEX canonical_type ON canonical_events (event_type, event_date, event_id);
DROP INDEX canonical_sub_type;
CREATE INDEX canonical_sub_type ON canonical_events (sub_event_type, event_date, event_id);
CREATE INDEX canonical_day_place ON canonical_events (event_date, latitude, longitude);

DROP INDEX events_date;
CREATE INDEX events_date ON events (event_date, event_id);
DROP INDEX events_type;
DROP INDEX events_type_date;
CREATE INDEX events_type ON events (event_type, event_date, event_id);
DROP INDEX events_sub_type;
CREATE INDEX events_sub_type ON events (sub_event_type, event_date, event_id);
CREATE INDEX events_day_place ON events (event_date, latitude, longitude);
