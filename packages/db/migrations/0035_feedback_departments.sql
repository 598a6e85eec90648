CREATE TABLE "feedback_department_members" (
	"department_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "feedback_department_members_department_id_user_id_pk" PRIMARY KEY("department_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "feedback_department_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_departments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_departments_region" UNIQUE("id","region_id")
);
--> statement-breakpoint
ALTER TABLE "feedback_departments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "feedback_units_name";--> statement-breakpoint
ALTER TABLE "feedback_units" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_department_members" ADD CONSTRAINT "feedback_department_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_department_members" ADD CONSTRAINT "feedback_department_members_department" FOREIGN KEY ("department_id","region_id") REFERENCES "public"."feedback_departments"("id","region_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_departments" ADD CONSTRAINT "feedback_departments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_department_members_user" ON "feedback_department_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_departments_name" ON "feedback_departments" USING btree ("region_id","name");--> statement-breakpoint
ALTER TABLE "feedback_units" ADD CONSTRAINT "feedback_units_department_id_feedback_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."feedback_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_units_department" ON "feedback_units" USING btree ("tenant_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_units_name" ON "feedback_units" USING btree ("tenant_id","name") WHERE "feedback_units"."department_id" is null;--> statement-breakpoint
ALTER TABLE "feedback_units" ADD CONSTRAINT "feedback_units_street" CHECK ("feedback_units"."department_id" is null or "feedback_units"."kind" = 'street_department');--> statement-breakpoint
CREATE POLICY "feedback_units_department" ON "feedback_units" AS PERMISSIVE FOR SELECT TO "city_app" USING (department_id in (select department_id from feedback_department_members where user_id = (select app_user())));--> statement-breakpoint
CREATE POLICY "feedback_department_members_street" ON "feedback_department_members" AS PERMISSIVE FOR ALL TO "city_app" USING (region_id in (select region_id from region_staff where user_id = (select app_user()))) WITH CHECK (region_id in (select region_id from region_staff where user_id = (select app_user())));--> statement-breakpoint
CREATE POLICY "feedback_department_members_self" ON "feedback_department_members" AS PERMISSIVE FOR SELECT TO "city_app" USING (user_id = (select app_user()) and region_id in (select region_id from region_staff where user_id = (select app_user())));--> statement-breakpoint
CREATE POLICY "feedback_department_members_neighbourhood" ON "feedback_department_members" AS PERMISSIVE FOR SELECT TO "city_app" USING (region_id = (select street_id from tenants where id = app_tenant()));--> statement-breakpoint
CREATE POLICY "feedback_departments_street" ON "feedback_departments" AS PERMISSIVE FOR ALL TO "city_app" USING (region_id in (select region_id from region_staff where user_id = (select app_user()))) WITH CHECK (region_id in (select region_id from region_staff where user_id = (select app_user())));--> statement-breakpoint
CREATE POLICY "feedback_departments_neighbourhood" ON "feedback_departments" AS PERMISSIVE FOR SELECT TO "city_app" USING (region_id = (select street_id from tenants where id = app_tenant()));--> statement-breakpoint
CREATE POLICY "feedback_departments_member" ON "feedback_departments" AS PERMISSIVE FOR SELECT TO "city_app" USING (id in (select department_id from feedback_department_members where user_id = (select app_user())));--> statement-breakpoint
-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE feedback_departments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_department_members FORCE ROW LEVEL SECURITY;
