-- 0005: full-text search over event notes (the API's q, frontlines.store.search): an FTS5 index per
-- events table, external content (the notes stay in their table, the index holds only tokens), kept in
-- sync by triggers on every write, and filled here from the rows a store already holds.
-- Words are case-folded but keep their diacritics, as PostgreSQL's 'simple' configuration does.
-- The index refers to rows by rowid: if it ever disagrees with its table (a tool that rewrote rowids),
-- INSERT INTO events_fts (events_fts) VALUES ('rebuild') makes it again.

CREATE VIRTUAL TABLE events_fts USING fts5 (
    notes, content = 'events', tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, notes) VALUES (new.rowid, new.notes);
END;

CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, notes) VALUES ('delete', old.rowid, old.notes);
END;

CREATE TRIGGER events_fts_update AFTER UPDATE OF notes ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, notes) VALUES ('delete', old.rowid, old.notes);
    INSERT INTO events_fts (rowid, notes) VALUES (new.rowid, new.notes);
END;

INSERT INTO events_fts (events_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE canonical_fts USING fts5 (
    notes, content = 'canonical_events', tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER canonical_fts_insert AFTER INSERT ON canonical_events BEGIN
    INSERT INTO canonical_fts (rowid, notes) VALUES (new.rowid, new.notes);
END;

CREATE TRIGGER canonical_fts_delete AFTER DELETE ON canonical_events BEGIN
    INSERT INTO canonical_fts (canonical_fts, rowid, notes) VALUES ('delete', old.rowid, old.notes);
END;

CREATE TRIGGER canonical_fts_update AFTER UPDATE OF notes ON canonical_events BEGIN
    INSERT INTO canonical_fts (canonical_fts, rowid, notes) VALUES ('delete', old.rowid, old.notes);
    INSERT INTO canonical_fts (rowid, notes) VALUES (new.rowid, new.notes);
END;

INSERT INTO canonical_fts (canonical_fts) VALUES ('rebuild');
