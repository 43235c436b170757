-- 0002 (PostgreSQL): as ../0002_claims.sql, the two flags as booleans.
ALTER TABLE events ADD COLUMN unverified BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE events ADD COLUMN claim BOOLEAN NOT NULL DEFAULT false;
