CREATE TABLE "reflection_branch_counts" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"bucket" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reflection_branch_counts_tenant_id_campaign_id_branch_id_bucket_pk" PRIMARY KEY("tenant_id","campaign_id","branch_id","bucket")
);
