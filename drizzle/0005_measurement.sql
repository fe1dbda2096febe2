CREATE TABLE "assessment_reminders" (
	"window_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_reminders_window_id_user_id_pk" PRIMARY KEY("window_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"window_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb,
	"subscale_scores" jsonb,
	"is_complete" boolean DEFAULT false NOT NULL,
	"program_id" uuid,
	"level" text,
	"discipline" text,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid,
	"instrument_id" text NOT NULL,
	"title" text NOT NULL,
	"helper_term" text,
	"kind" text NOT NULL,
	"series_id" uuid NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"reminders_enabled" boolean DEFAULT true NOT NULL,
	"reminder_after_days" integer DEFAULT 3 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_reminders" ADD CONSTRAINT "assessment_reminders_window_id_assessment_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."assessment_windows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_reminders" ADD CONSTRAINT "assessment_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_window_id_assessment_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."assessment_windows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_windows" ADD CONSTRAINT "assessment_windows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_windows" ADD CONSTRAINT "assessment_windows_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_windows" ADD CONSTRAINT "assessment_windows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_responses_window_user_unique" ON "assessment_responses" USING btree ("window_id","user_id");--> statement-breakpoint
CREATE INDEX "assessment_responses_user_idx" ON "assessment_responses" USING btree ("user_id","instrument_id");--> statement-breakpoint
CREATE INDEX "assessment_responses_outcomes_idx" ON "assessment_responses" USING btree ("window_id") WHERE "assessment_responses"."status" = 'submitted' and "assessment_responses"."is_complete";--> statement-breakpoint
CREATE INDEX "assessment_windows_organization_idx" ON "assessment_windows" USING btree ("organization_id","instrument_id","opens_at");--> statement-breakpoint
CREATE INDEX "assessment_windows_program_idx" ON "assessment_windows" USING btree ("program_id");