CREATE TABLE "campaign_branch_counts" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"made_up" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_branch_counts_tenant_id_campaign_id_branch_id_pk" PRIMARY KEY("tenant_id","campaign_id","branch_id")
);
--> statement-breakpoint
CREATE INDEX "campaign_participants_member_idx" ON "campaign_participants" USING btree ("tenant_id","member_id");