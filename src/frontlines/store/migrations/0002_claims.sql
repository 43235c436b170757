-- 0002: whether an event's outlet could not verify it, and whether it rests on a party's own claim.
ALTER TABLE events ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0 CHECK (unverified IN (0, 1));
ALTER TABLE events ADD COLUMN claim INTEGER NOT NULL DEFAULT 0 CHECK (claim IN (0, 1));
