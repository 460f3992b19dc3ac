CREATE TABLE "branch_member_counts" (
	"tenant_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	"active_not_exempt" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "branch_member_counts_tenant_id_branch_id_pk" PRIMARY KEY("tenant_id","branch_id")
);
