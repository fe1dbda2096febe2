CREATE TABLE "outcome_snapshots" (
	"organization_id" uuid NOT NULL,
	"view_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"outcomes" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outcome_snapshots_organization_id_view_key_pk" PRIMARY KEY("organization_id","view_key")
);
--> statement-breakpoint
ALTER TABLE "outcome_snapshots" ADD CONSTRAINT "outcome_snapshots_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;