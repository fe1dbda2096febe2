CREATE TABLE "aggregate_releases" (
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_closed_at" timestamp with time zone NOT NULL,
	"contents" jsonb NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aggregate_releases_organization_id_kind_scope_id_period_key_pk" PRIMARY KEY("organization_id","kind","scope_id","period_key")
);
--> statement-breakpoint
ALTER TABLE "aggregate_releases" ADD CONSTRAINT "aggregate_releases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;