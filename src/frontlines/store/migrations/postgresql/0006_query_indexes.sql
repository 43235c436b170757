-- 0006: a type filter reads its events in the order of every event list (event_date, event_id), so a
-- page stops early instead of sorting every event of that type. The date indexes of 0001 and 0003 are
-- already (event_date, event_id); PostGIS's GiST index serves near, the (latitude, longitude) index bbox.

DROP INDEX canonical_type;
CREATE INDEX canonical_type ON canonical_events (event_type, event_date, event_id);
DROP INDEX canonical_sub_type;
CREATE INDEX canonical_sub_type ON canonical_events (sub_event_type, event_date, event_id);
DROP INDEX events_type;
CREATE INDEX events_type ON events (event_type, event_date, event_id);
DROP INDEX events_sub_type;
CREATE INDEX events_sub_type ON events (sub_event_type, event_date, event_id);
