CREATE TABLE "campaign_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_plan_id" uuid,
	"number" text,
	"issued_on" date,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"contents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"reflection_writers" text DEFAULT '' NOT NULL,
	"include_exempt" boolean DEFAULT false NOT NULL,
	"level_deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reflections_by" date,
	"report_by" date,
	"action_program_by" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "resolution_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"file_hash" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resolution_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"congress" text NOT NULL,
	"term" text NOT NULL,
	"adopted_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resolutions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "material_audiences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"rule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	CONSTRAINT "material_audiences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "material_views" (
	"tenant_id" uuid NOT NULL,
	"material_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"member_id" uuid,
	"branch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"open_count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "material_views_tenant_id_material_id_user_id_pk" PRIMARY KEY("tenant_id","material_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"master_id" uuid,
	"audience_code" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"qa" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_hash" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "materials_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conference_agenda_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"topic" text NOT NULL,
	"speaker_name" text NOT NULL,
	"speaker_title" text DEFAULT '' NOT NULL,
	"duration_minutes" integer,
	"in_person" boolean DEFAULT true NOT NULL,
	CONSTRAINT "conference_agenda_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "bridge_point_units" (
	"tenant_id" uuid NOT NULL,
	"bridge_point_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "bridge_point_units_tenant_id_bridge_point_id_org_id_pk" PRIMARY KEY("tenant_id","bridge_point_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "bridge_points" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"name" text NOT NULL,
	"place" text NOT NULL,
	"capacity" integer,
	"supervisor_user_id" uuid,
	"report_present" integer,
	"report_expected" integer,
	"report_remarks" text,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	CONSTRAINT "bridge_points_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_participants" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"invited_at" timestamp with time zone,
	"attended_at" timestamp with time zone,
	"made_up_at" timestamp with time zone,
	CONSTRAINT "campaign_participants_tenant_id_campaign_id_member_id_pk" PRIMARY KEY("tenant_id","campaign_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "conference_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"venue" text NOT NULL,
	"capacity" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"branch_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "conference_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"audience_kind" text NOT NULL,
	"audience_note" text DEFAULT '' NOT NULL,
	"format" text DEFAULT 'in_person' NOT NULL,
	"venue" text NOT NULL,
	"capacity" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"include_exempt" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"is_makeup" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conferences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conference_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conference_document_comments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_document_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conference_invitations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"session_id" uuid,
	"bridge_point_id" uuid,
	"member_id" uuid,
	"branch_id" uuid,
	"guest_name" text,
	"guest_title" text,
	"guest_org" text,
	"qr_token" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"absence_reason" text,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"check_in_method" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_invitations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "makeups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"mode" text,
	"scheduled_at" timestamp with time zone,
	"place" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "makeups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "campaign_plans" ADD CONSTRAINT "campaign_plans_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_plans" ADD CONSTRAINT "campaign_plans_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_plans" ADD CONSTRAINT "campaign_plans_tenant_id_parent_plan_id_campaign_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_plan_id") REFERENCES "public"."campaign_plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_resolution_id_resolutions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resolution_id") REFERENCES "public"."resolutions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_documents" ADD CONSTRAINT "resolution_documents_tenant_id_resolution_id_resolutions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resolution_id") REFERENCES "public"."resolutions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_views" ADD CONSTRAINT "material_views_tenant_id_material_id_materials_tenant_id_id_fk" FOREIGN KEY ("tenant_id","material_id") REFERENCES "public"."materials"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_tenant_id_master_id_materials_tenant_id_id_fk" FOREIGN KEY ("tenant_id","master_id") REFERENCES "public"."materials"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_agenda_items" ADD CONSTRAINT "conference_agenda_items_tenant_id_conference_id_conferences_tenant_id_id_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridge_point_units" ADD CONSTRAINT "bridge_point_units_tenant_id_bridge_point_id_bridge_points_tenant_id_id_fk" FOREIGN KEY ("tenant_id","bridge_point_id") REFERENCES "public"."bridge_points"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridge_point_units" ADD CONSTRAINT "bridge_point_units_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridge_points" ADD CONSTRAINT "bridge_points_tenant_id_conference_id_conferences_tenant_id_id_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_sessions" ADD CONSTRAINT "conference_sessions_tenant_id_conference_id_conferences_tenant_id_id_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_documents" ADD CONSTRAINT "conference_documents_tenant_id_conference_id_conferences_tenant_id_id_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_document_comments" ADD CONSTRAINT "conference_document_comments_tenant_id_document_id_conference_documents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."conference_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_tenant_id_conference_id_conferences_tenant_id_id_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeups" ADD CONSTRAINT "makeups_tenant_id_invitation_id_conference_invitations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","invitation_id") REFERENCES "public"."conference_invitations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_plans_org_uq" ON "campaign_plans" USING btree ("tenant_id","campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "campaign_plans_parent_idx" ON "campaign_plans" USING btree ("tenant_id","parent_plan_id") WHERE "campaign_plans"."parent_plan_id" is not null;--> statement-breakpoint
CREATE INDEX "resolution_documents_resolution_idx" ON "resolution_documents" USING btree ("tenant_id","resolution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "material_audiences_code_uq" ON "material_audiences" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "material_views_branch_idx" ON "material_views" USING btree ("tenant_id","material_id","branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "materials_variant_uq" ON "materials" USING btree ("tenant_id","master_id","audience_code");--> statement-breakpoint
CREATE INDEX "materials_campaign_idx" ON "materials" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "agenda_items_conference_idx" ON "conference_agenda_items" USING btree ("tenant_id","conference_id");--> statement-breakpoint
CREATE INDEX "bridge_points_conference_idx" ON "bridge_points" USING btree ("tenant_id","conference_id");--> statement-breakpoint
CREATE INDEX "bridge_points_supervisor_idx" ON "bridge_points" USING btree ("tenant_id","supervisor_user_id");--> statement-breakpoint
CREATE INDEX "campaign_participants_branch_idx" ON "campaign_participants" USING btree ("tenant_id","campaign_id","branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_sessions_seq_uq" ON "conference_sessions" USING btree ("tenant_id","conference_id","seq");--> statement-breakpoint
CREATE INDEX "conferences_campaign_idx" ON "conferences" USING btree ("tenant_id","campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "document_comments_doc_idx" ON "conference_document_comments" USING btree ("tenant_id","document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_member_uq" ON "conference_invitations" USING btree ("tenant_id","conference_id","member_id") WHERE "conference_invitations"."member_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_qr_uq" ON "conference_invitations" USING btree ("tenant_id","qr_token");--> statement-breakpoint
CREATE INDEX "invitations_branch_idx" ON "conference_invitations" USING btree ("tenant_id","conference_id","branch_id");--> statement-breakpoint
CREATE INDEX "invitations_member_idx" ON "conference_invitations" USING btree ("tenant_id","member_id") WHERE "conference_invitations"."member_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "makeups_invitation_uq" ON "makeups" USING btree ("tenant_id","invitation_id");--> statement-breakpoint
CREATE INDEX "makeups_branch_idx" ON "makeups" USING btree ("tenant_id","campaign_id","branch_id");