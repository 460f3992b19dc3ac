DROP INDEX "members_name_key_idx";--> statement-breakpoint
DROP INDEX "members_branch_idx";--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "name_key" TYPE text COLLATE "C";--> statement-breakpoint
CREATE INDEX "members_name_order_idx" ON "members" USING btree ("tenant_id","name_key","id") WHERE "members"."left_at" is null;--> statement-breakpoint
CREATE INDEX "members_branch_idx" ON "members" USING btree ("tenant_id","branch_id") WHERE "members"."left_at" is null;