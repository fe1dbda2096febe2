-- Every tenant table carries organization_id, in its primary key where the key is natural, so rows can be
-- routed by organisation (decision 012). Existing rows take their organisation from their parent row.
ALTER TABLE "group_members" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "group_members" AS gm SET "organization_id" = g."organization_id" FROM "groups" AS g WHERE g."id" = gm."group_id";--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "attendance" AS a SET "organization_id" = m."organization_id" FROM "meetings" AS m WHERE m."id" = a."meeting_id";--> statement-breakpoint
ALTER TABLE "assessment_reminders" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "assessment_reminders" AS r SET "organization_id" = w."organization_id" FROM "assessment_windows" AS w WHERE w."id" = r."window_id";--> statement-breakpoint
ALTER TABLE "push_messages" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "push_messages" AS p SET "organization_id" = s."organization_id" FROM "push_subscriptions" AS s WHERE s."id" = p."subscription_id";--> statement-breakpoint
-- A preference was the person's everywhere: it now holds in each organisation they belong to.
ALTER TABLE "notification_preferences" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_pkey";--> statement-breakpoint
INSERT INTO "notification_preferences" ("organization_id", "user_id", "is_email_enabled", "is_push_meetings_enabled", "is_push_follow_ups_enabled", "is_push_actions_enabled")
  SELECT ms."organization_id", p."user_id", p."is_email_enabled", p."is_push_meetings_enabled", p."is_push_follow_ups_enabled", p."is_push_actions_enabled"
  FROM "notification_preferences" AS p JOIN "memberships" AS ms ON ms."user_id" = p."user_id" WHERE p."organization_id" IS NULL;--> statement-breakpoint
DELETE FROM "notification_preferences" WHERE "organization_id" IS NULL;--> statement-breakpoint
ALTER TABLE "nudge_preferences" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "nudge_preferences" DROP CONSTRAINT "nudge_preferences_pkey";--> statement-breakpoint
INSERT INTO "nudge_preferences" ("organization_id", "user_id", "frequency", "paused_until")
  SELECT ms."organization_id", p."user_id", p."frequency", p."paused_until"
  FROM "nudge_preferences" AS p JOIN "memberships" AS ms ON ms."user_id" = p."user_id" WHERE p."organization_id" IS NULL;--> statement-breakpoint
DELETE FROM "nudge_preferences" WHERE "organization_id" IS NULL;--> statement-breakpoint
ALTER TABLE "recognition_preferences" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "recognition_preferences" DROP CONSTRAINT "recognition_preferences_pkey";--> statement-breakpoint
INSERT INTO "recognition_preferences" ("organization_id", "user_id", "accepts_public_recognition")
  SELECT ms."organization_id", p."user_id", p."accepts_public_recognition"
  FROM "recognition_preferences" AS p JOIN "memberships" AS ms ON ms."user_id" = p."user_id" WHERE p."organization_id" IS NULL;--> statement-breakpoint
DELETE FROM "recognition_preferences" WHERE "organization_id" IS NULL;--> statement-breakpoint
ALTER TABLE "group_members" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "attendance" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_reminders" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "push_messages" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preferences" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "nudge_preferences" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "recognition_preferences" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_reminders" DROP CONSTRAINT "assessment_reminders_window_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "attendance" DROP CONSTRAINT "attendance_meeting_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "group_members" DROP CONSTRAINT "group_members_group_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "supervisions" DROP CONSTRAINT "supervisions_supervisor_id_supervisee_id_pk";--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_organization_id_supervisor_id_supervisee_id_pk" PRIMARY KEY("organization_id","supervisor_id","supervisee_id");--> statement-breakpoint
ALTER TABLE "assessment_reminders" ADD CONSTRAINT "assessment_reminders_organization_id_window_id_user_id_pk" PRIMARY KEY("organization_id","window_id","user_id");--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organization_id_meeting_id_user_id_pk" PRIMARY KEY("organization_id","meeting_id","user_id");--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_organization_id_group_id_user_id_pk" PRIMARY KEY("organization_id","group_id","user_id");--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id");--> statement-breakpoint
ALTER TABLE "nudge_preferences" ADD CONSTRAINT "nudge_preferences_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id");--> statement-breakpoint
ALTER TABLE "recognition_preferences" ADD CONSTRAINT "recognition_preferences_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id");--> statement-breakpoint
ALTER TABLE "assessment_reminders" ADD CONSTRAINT "assessment_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_messages" ADD CONSTRAINT "push_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudge_preferences" ADD CONSTRAINT "nudge_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_preferences" ADD CONSTRAINT "recognition_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
