CREATE TABLE "jobs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"last_error" text,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reflection_copy_pairs" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"reflection_a" uuid NOT NULL,
	"reflection_b" uuid NOT NULL,
	"branch_a" uuid NOT NULL,
	"branch_b" uuid NOT NULL,
	"score" double precision NOT NULL,
	CONSTRAINT "reflection_copy_pairs_tenant_id_campaign_id_reflection_a_reflection_b_pk" PRIMARY KEY("tenant_id","campaign_id","reflection_a","reflection_b")
);
--> statement-breakpoint
CREATE TABLE "reflection_copy_runs" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"documents" integer NOT NULL,
	"pairs" integer NOT NULL,
	"seconds" double precision NOT NULL,
	CONSTRAINT "reflection_copy_runs_tenant_id_campaign_id_pk" PRIMARY KEY("tenant_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "reflection_source_shares" (
	"tenant_id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"share" double precision NOT NULL,
	CONSTRAINT "reflection_source_shares_tenant_id_reflection_id_pk" PRIMARY KEY("tenant_id","reflection_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_waiting_key_uq" ON "jobs" USING btree ("tenant_id","kind","key") WHERE "jobs"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("state","run_after");--> statement-breakpoint
CREATE INDEX "reflection_copy_pairs_a_idx" ON "reflection_copy_pairs" USING btree ("tenant_id","reflection_a");--> statement-breakpoint
CREATE INDEX "reflection_copy_pairs_b_idx" ON "reflection_copy_pairs" USING btree ("tenant_id","reflection_b");--> statement-breakpoint
CREATE INDEX "reflection_copy_pairs_branch_a_idx" ON "reflection_copy_pairs" USING btree ("tenant_id","campaign_id","branch_a");--> statement-breakpoint
CREATE INDEX "reflection_copy_pairs_branch_b_idx" ON "reflection_copy_pairs" USING btree ("tenant_id","campaign_id","branch_b");--> statement-breakpoint
CREATE INDEX "reflection_source_shares_branch_idx" ON "reflection_source_shares" USING btree ("tenant_id","campaign_id","branch_id");