ALTER TABLE "supervision_conversations" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_conversations" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_pairings" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_pairings" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "supervision_pairings" ADD CONSTRAINT "supervision_pairings_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;