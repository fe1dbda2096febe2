ALTER TABLE "groups" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "video_url" text;