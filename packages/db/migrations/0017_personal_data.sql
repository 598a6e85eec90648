-- Written by hand ahead of what drizzle-kit generated below: the role and the function its policies name.
-- Erasure (PIPL art. 47) rewrites a few fields the app role may not: the names in the audit trail, an applicant's
-- name and number. It does so as this role, whose grants (migration 0018) and policies reach only those fields.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'city_eraser') THEN
    CREATE ROLE city_eraser NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT city_eraser TO CURRENT_USER;
--> statement-breakpoint
-- The communities whose applications the person of the transaction (app_user()) reviews: those below a 社区, 街道 or
-- 区 they are staff of, or every one for a platform operator. Computed here, from region_staff, so a reviewer's branch
-- is the database's to decide, not the caller's to pass in.
CREATE OR REPLACE FUNCTION app_reviewed_communities() RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(c.id), '{}')
  FROM regions c JOIN regions s ON s.id = c.parent_id
  WHERE c.kind = 'community' AND (
    EXISTS (SELECT 1 FROM users u WHERE u.id = app_user() AND u.is_platform_operator)
    OR EXISTS (SELECT 1 FROM region_staff rs WHERE rs.user_id = app_user() AND rs.region_id IN (c.id, s.id, s.parent_id)))
$$;
--> statement-breakpoint
CREATE TABLE "personal_data_reads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reader_user_id" uuid NOT NULL,
	"subject_user_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"field" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "personal_data_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "neighbourhood_applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_commitment" "bytea";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_salt" "bytea";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "details_salt" "bytea";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "personal_data_reads" ADD CONSTRAINT "personal_data_reads_reader_user_id_users_id_fk" FOREIGN KEY ("reader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_reads" ADD CONSTRAINT "personal_data_reads_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_data_reads_subject" ON "personal_data_reads" USING btree ("subject_user_id","read_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_salted" CHECK ("audit_log"."redacted_at" is not null or "audit_log"."actor_commitment" is null or ("audit_log"."actor_salt" is not null and "audit_log"."details_salt" is not null));--> statement-breakpoint
CREATE POLICY "applications_applicant" ON "neighbourhood_applications" AS PERMISSIVE FOR SELECT TO "city_app" USING (applicant_user_id = (select app_user()));--> statement-breakpoint
CREATE POLICY "applications_apply" ON "neighbourhood_applications" AS PERMISSIVE FOR INSERT TO "city_app" WITH CHECK (applicant_user_id = (select app_user()) and status = 'pending' and tenant_id is null and decided_by is null);--> statement-breakpoint
CREATE POLICY "applications_reviewer" ON "neighbourhood_applications" AS PERMISSIVE FOR SELECT TO "city_app" USING (community_id = any((select app_reviewed_communities())::uuid[]));--> statement-breakpoint
CREATE POLICY "applications_decide" ON "neighbourhood_applications" AS PERMISSIVE FOR UPDATE TO "city_app" USING (community_id = any((select app_reviewed_communities())::uuid[])) WITH CHECK (community_id = any((select app_reviewed_communities())::uuid[]));--> statement-breakpoint
CREATE POLICY "applications_erasure_read" ON "neighbourhood_applications" AS PERMISSIVE FOR SELECT TO "city_eraser" USING (applicant_user_id = (select app_user()));--> statement-breakpoint
CREATE POLICY "applications_erasure" ON "neighbourhood_applications" AS PERMISSIVE FOR UPDATE TO "city_eraser" USING (applicant_user_id = (select app_user())) WITH CHECK (applicant_user_id = (select app_user()) and status <> 'pending');--> statement-breakpoint
CREATE POLICY "audit_log_actor" ON "audit_log" AS PERMISSIVE FOR SELECT TO "city_app" USING (actor_user_id = (select app_user()));--> statement-breakpoint
CREATE POLICY "audit_log_erasure_read" ON "audit_log" AS PERMISSIVE FOR SELECT TO "city_eraser" USING (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "audit_log_erasure" ON "audit_log" AS PERMISSIVE FOR UPDATE TO "city_eraser" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant() and redacted_at is not null);--> statement-breakpoint
CREATE POLICY "personal_data_reads_record" ON "personal_data_reads" AS PERMISSIVE FOR INSERT TO "city_app" WITH CHECK (reader_user_id = (select app_user()));--> statement-breakpoint
CREATE POLICY "personal_data_reads_subject" ON "personal_data_reads" AS PERMISSIVE FOR SELECT TO "city_app" USING (subject_user_id = (select app_user()));