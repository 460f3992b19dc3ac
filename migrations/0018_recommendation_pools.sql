CREATE TABLE "recommendation_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"pool_org_id" uuid NOT NULL,
	"group_id" uuid,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"origin_org_id" uuid NOT NULL,
	"reflection_id" uuid,
	"version_id" uuid,
	"sentence_index" integer,
	"source_group_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_extractions" (
	"tenant_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"sentences" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_extractions_tenant_id_version_id_pk" PRIMARY KEY("tenant_id","version_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"title_edited" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"forwarded_at" timestamp with time zone,
	"forwarded_by" uuid,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "recommendation_entries_pool_idx" ON "recommendation_entries" USING btree ("tenant_id","campaign_id","pool_org_id","group_id");--> statement-breakpoint
CREATE INDEX "recommendation_entries_group_idx" ON "recommendation_entries" USING btree ("tenant_id","group_id");--> statement-breakpoint
CREATE INDEX "recommendation_entries_reflection_idx" ON "recommendation_entries" USING btree ("tenant_id","reflection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_entries_sentence_uq" ON "recommendation_entries" USING btree ("tenant_id","version_id","sentence_index") WHERE version_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_entries_source_uq" ON "recommendation_entries" USING btree ("tenant_id","source_group_id") WHERE source_group_id is not null;--> statement-breakpoint
CREATE INDEX "recommendation_extractions_campaign_idx" ON "recommendation_extractions" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "recommendation_groups_pool_idx" ON "recommendation_groups" USING btree ("tenant_id","campaign_id","org_id");