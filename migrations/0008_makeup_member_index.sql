DROP INDEX "members_branch_idx";--> statement-breakpoint
CREATE INDEX "makeups_member_idx" ON "makeups" USING btree ("tenant_id","campaign_id","member_id");--> statement-breakpoint
CREATE INDEX "members_branch_idx" ON "members" USING btree ("tenant_id","branch_id","is_exempt") WHERE "members"."left_at" is null;