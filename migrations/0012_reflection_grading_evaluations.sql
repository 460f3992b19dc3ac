CREATE TABLE "reflection_batches" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"pdf_hash" text,
	"pages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"page_count" integer NOT NULL,
	"assignments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_batches_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reflection_grades" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"version_id" uuid,
	"marker" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"levels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"criterion_comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"grade" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"graded_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"correction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_grades_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reflection_reminders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"message" text NOT NULL,
	"sent_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_reminders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reflection_uploads" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"client_key" text NOT NULL,
	"page" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_uploads_tenant_id_user_id_client_key_pk" PRIMARY KEY("tenant_id","user_id","client_key")
);
--> statement-breakpoint
CREATE TABLE "evaluation_schemes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"from_year" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"grades" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_schemes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_evaluations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"scheme_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" double precision DEFAULT 0 NOT NULL,
	"grade" text,
	"reasons" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"evaluated_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_evaluations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
DROP INDEX "reflections_branch_idx";--> statement-breakpoint
ALTER TABLE "reflection_settings" ADD COLUMN "writers" text DEFAULT 'studied' NOT NULL;--> statement-breakpoint
ALTER TABLE "reflection_settings" ADD COLUMN "rubric" jsonb;--> statement-breakpoint
ALTER TABLE "reflection_settings" ADD COLUMN "second_marker" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reflection_settings" ADD COLUMN "anonymous_marking" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "grade_status" text DEFAULT 'ungraded' NOT NULL;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "final_grade" text;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "graded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reflection_batches" ADD CONSTRAINT "reflection_batches_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_batches" ADD CONSTRAINT "reflection_batches_tenant_id_branch_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","branch_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_grades" ADD CONSTRAINT "reflection_grades_tenant_id_reflection_id_reflections_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reflection_id") REFERENCES "public"."reflections"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_reminders" ADD CONSTRAINT "reflection_reminders_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_reminders" ADD CONSTRAINT "reflection_reminders_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_evaluations" ADD CONSTRAINT "member_evaluations_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_evaluations" ADD CONSTRAINT "member_evaluations_tenant_id_scheme_id_evaluation_schemes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","scheme_id") REFERENCES "public"."evaluation_schemes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_evaluations" ADD CONSTRAINT "member_evaluations_tenant_id_branch_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","branch_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reflection_batches_branch_idx" ON "reflection_batches" USING btree ("tenant_id","campaign_id","branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reflection_grades_revision_uq" ON "reflection_grades" USING btree ("tenant_id","reflection_id","marker","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "reflection_grades_live_uq" ON "reflection_grades" USING btree ("tenant_id","reflection_id","marker") WHERE "reflection_grades"."status" <> 'superseded';--> statement-breakpoint
CREATE INDEX "reflection_grades_branch_idx" ON "reflection_grades" USING btree ("tenant_id","campaign_id","branch_id","status");--> statement-breakpoint
CREATE INDEX "reflection_reminders_org_idx" ON "reflection_reminders" USING btree ("tenant_id","org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_schemes_code_uq" ON "evaluation_schemes" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "member_evaluations_member_year_uq" ON "member_evaluations" USING btree ("tenant_id","member_id","year");--> statement-breakpoint
CREATE INDEX "member_evaluations_branch_idx" ON "member_evaluations" USING btree ("tenant_id","branch_id","year");--> statement-breakpoint
CREATE INDEX "reflections_branch_idx" ON "reflections" USING btree ("tenant_id","campaign_id","branch_id","submitted_at","grade_status","final_grade");