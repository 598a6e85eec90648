CREATE TABLE "feedback_followers" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "feedback_followers_report_id_user_id_pk" PRIMARY KEY("report_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "feedback_followers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "feedback_reports_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"category" text NOT NULL,
	"body" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place_kind" text NOT NULL,
	"building_id" uuid,
	"unit_id" uuid,
	"place_note" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"source_key" text,
	"reporter_user_id" uuid,
	"reporter_name" text,
	"reporter_phone" text,
	"named_on_board" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"handling_unit_id" uuid,
	"assigned_at" timestamp with time zone,
	"due_on" date,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"reminded_at" timestamp with time zone,
	"escalation" text DEFAULT 'none' NOT NULL,
	"escalated_at" timestamp with time zone,
	"reopened" boolean DEFAULT false NOT NULL,
	"first_response_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rating" text,
	"rating_comment" text,
	"merged_into" uuid,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_reports_place" CHECK (("feedback_reports"."place_kind" = 'public') or ("feedback_reports"."building_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "feedback_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"categories" text[] NOT NULL,
	"working_days" smallint NOT NULL,
	"remind_before" smallint NOT NULL,
	"rating_days" smallint NOT NULL,
	"restart_clock_on_reassign" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_unit_members" (
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "feedback_unit_members_unit_id_user_id_pk" PRIMARY KEY("unit_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "feedback_unit_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_units_vendor" CHECK (("feedback_units"."kind" = 'vendor') = ("feedback_units"."organisation_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "feedback_units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "feedback_followers" ADD CONSTRAINT "feedback_followers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_followers" ADD CONSTRAINT "feedback_followers_report_id_feedback_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."feedback_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_followers" ADD CONSTRAINT "feedback_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_handling_unit_id_feedback_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."feedback_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_steps" ADD CONSTRAINT "feedback_steps_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_steps" ADD CONSTRAINT "feedback_steps_report_id_feedback_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."feedback_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_steps" ADD CONSTRAINT "feedback_steps_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_unit_members" ADD CONSTRAINT "feedback_unit_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_unit_members" ADD CONSTRAINT "feedback_unit_members_unit_id_feedback_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."feedback_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_unit_members" ADD CONSTRAINT "feedback_unit_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_units" ADD CONSTRAINT "feedback_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_units" ADD CONSTRAINT "feedback_units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_followers_user" ON "feedback_followers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_reports_number" ON "feedback_reports" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_reports_source" ON "feedback_reports" USING btree ("tenant_id","source_key");--> statement-breakpoint
CREATE INDEX "feedback_reports_tenant_status" ON "feedback_reports" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "feedback_reports_unit" ON "feedback_reports" USING btree ("tenant_id","handling_unit_id","status");--> statement-breakpoint
CREATE INDEX "feedback_reports_due" ON "feedback_reports" USING btree ("tenant_id","due_on") WHERE status = 'assigned';--> statement-breakpoint
CREATE INDEX "feedback_reports_reporter" ON "feedback_reports" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "feedback_steps_report" ON "feedback_steps" USING btree ("tenant_id","report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_units_name" ON "feedback_units" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE POLICY "feedback_followers_tenant" ON "feedback_followers" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "feedback_followers_supervision" ON "feedback_followers" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "feedback_reports_tenant" ON "feedback_reports" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "feedback_reports_supervision" ON "feedback_reports" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "feedback_settings_tenant" ON "feedback_settings" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "feedback_settings_supervision" ON "feedback_settings" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "feedback_steps_tenant" ON "feedback_steps" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "feedback_steps_supervision" ON "feedback_steps" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "feedback_unit_members_tenant" ON "feedback_unit_members" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "feedback_unit_members_supervision" ON "feedback_unit_members" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "feedback_units_tenant" ON "feedback_units" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "feedback_units_supervision" ON "feedback_units" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));