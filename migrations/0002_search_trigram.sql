-- Accent-folded infix search on member names ("van an" inside "nguyen van an").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS members_name_key_trgm ON members USING gin (name_key gin_trgm_ops);
