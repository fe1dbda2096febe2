ALTER TABLE "programs" ADD COLUMN "enrolled_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "waitlisted_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Each enrolment row adds to its program's counts while it is an enrolled participant (not a
-- facilitator) or a place on the waiting list; every change of status, role or program, and every
-- deletion (a person erased, a program deleted), moves the counts with it. The program row is found
-- by organisation too, so that on Citus the update stays on the enrolment's own shard group.
CREATE FUNCTION "tend_count_enrolments"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "programs" SET
      "enrolled_count" = "enrolled_count" - (OLD."status" = 'enrolled' AND NOT OLD."is_facilitator")::int,
      "waitlisted_count" = "waitlisted_count" - (OLD."status" = 'waitlisted')::int
    WHERE "organization_id" = OLD."organization_id" AND "id" = OLD."program_id"
      AND (OLD."status" = 'waitlisted' OR (OLD."status" = 'enrolled' AND NOT OLD."is_facilitator"));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "programs" SET
      "enrolled_count" = "enrolled_count" + (NEW."status" = 'enrolled' AND NOT NEW."is_facilitator")::int,
      "waitlisted_count" = "waitlisted_count" + (NEW."status" = 'waitlisted')::int
    WHERE "organization_id" = NEW."organization_id" AND "id" = NEW."program_id"
      AND (NEW."status" = 'waitlisted' OR (NEW."status" = 'enrolled' AND NOT NEW."is_facilitator"));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "enrollments_keep_program_counts"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "is_facilitator", "program_id" ON "enrollments"
  FOR EACH ROW EXECUTE FUNCTION "tend_count_enrolments"();
--> statement-breakpoint
UPDATE "programs" SET
  "enrolled_count" = "counts"."enrolled",
  "waitlisted_count" = "counts"."waitlisted"
FROM (
  SELECT "program_id",
    (count(*) FILTER (WHERE "status" = 'enrolled' AND NOT "is_facilitator"))::int AS "enrolled",
    (count(*) FILTER (WHERE "status" = 'waitlisted'))::int AS "waitlisted"
  FROM "enrollments" GROUP BY "program_id"
) AS "counts"
WHERE "programs"."id" = "counts"."program_id";
