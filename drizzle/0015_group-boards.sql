CREATE TABLE "group_boards" (
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"board" jsonb NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_boards_organization_id_program_id_pk" PRIMARY KEY("organization_id","program_id")
);
--> statement-breakpoint
ALTER TABLE "group_boards" ADD CONSTRAINT "group_boards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_boards" ADD CONSTRAINT "group_boards_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;