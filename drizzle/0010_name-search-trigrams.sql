-- Colleague and people search match any part of a name (ILIKE '%…%'); a trigram index serves that
-- without reading every user. pg_trgm is a trusted extension (PostgreSQL 13+), and the embedded
-- database loads it too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_name_trigram_idx" ON "users" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_email_trigram_idx" ON "users" USING gin ("email" gin_trgm_ops);
