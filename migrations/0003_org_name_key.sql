ALTER TABLE "orgs" ADD COLUMN "name_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "orgs_name_key_idx" ON "orgs" USING gin ("name_key" gin_trgm_ops);