-- 0005: full-text search over event notes (the API's q, frontlines.store.search): a GIN index on the
-- notes' words per events table. Queries use the same expression, to_tsvector('simple', notes), so the
-- index serves them; 'simple' case-folds words and neither stems them nor drops stop words, like
-- SQLite's unicode61 tokenizer. Built here for the rows a store already holds, kept by PostgreSQL after.

CREATE INDEX events_notes_search ON events USING gin (to_tsvector('simple', notes));
CREATE INDEX canonical_notes_search ON canonical_events USING gin (to_tsvector('simple', notes));
