CREATE TABLE "reflection_extensions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_extensions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reflection_files" (
	"tenant_id" uuid NOT NULL,
	"file_hash" text NOT NULL,
	"reflection_id" uuid NOT NULL,
	"mime" text NOT NULL,
	CONSTRAINT "reflection_files_tenant_id_file_hash_reflection_id_pk" PRIMARY KEY("tenant_id","file_hash","reflection_id")
);
--> statement-breakpoint
CREATE TABLE "reflection_settings" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"must_handwrite" boolean DEFAULT false NOT NULL,
	"due_at" timestamp with time zone,
	"cutoff_at" timestamp with time zone,
	"max_pages" integer DEFAULT 10 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_settings_tenant_id_campaign_id_pk" PRIMARY KEY("tenant_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "reflection_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"text" text,
	"recommendations" text,
	"pages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pdf_hash" text,
	"pdf_bytes" integer,
	"source" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receipt_number" text NOT NULL,
	"idempotency_key" text,
	CONSTRAINT "reflection_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"current_version_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "reflection_extensions" ADD CONSTRAINT "reflection_extensions_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_extensions" ADD CONSTRAINT "reflection_extensions_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_files" ADD CONSTRAINT "reflection_files_tenant_id_reflection_id_reflections_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reflection_id") REFERENCES "public"."reflections"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_settings" ADD CONSTRAINT "reflection_settings_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_versions" ADD CONSTRAINT "reflection_versions_tenant_id_reflection_id_reflections_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reflection_id") REFERENCES "public"."reflections"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_tenant_id_branch_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","branch_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reflection_extensions_member_idx" ON "reflection_extensions" USING btree ("tenant_id","campaign_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reflection_versions_seq_uq" ON "reflection_versions" USING btree ("tenant_id","reflection_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "reflection_versions_receipt_uq" ON "reflection_versions" USING btree ("tenant_id","receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "reflection_versions_idem_uq" ON "reflection_versions" USING btree ("tenant_id","reflection_id","idempotency_key") WHERE "reflection_versions"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reflections_member_uq" ON "reflections" USING btree ("tenant_id","campaign_id","member_id");--> statement-breakpoint
CREATE INDEX "reflections_branch_idx" ON "reflections" USING btree ("tenant_id","campaign_id","branch_id");