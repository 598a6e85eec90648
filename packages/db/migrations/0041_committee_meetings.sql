CREATE TABLE "committee_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"agenda" text NOT NULL,
	"attendee_ids" uuid[] NOT NULL,
	"members_total" smallint NOT NULL,
	"minutes" text NOT NULL,
	"decisions" jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_meetings_quorum" CHECK (2 * cardinality(attendee_ids) > members_total)
);
--> statement-breakpoint
ALTER TABLE "committee_meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governance_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"decision_rule" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "governance_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_settings" ADD CONSTRAINT "governance_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_meetings_tenant_idx" ON "committee_meetings" USING btree ("tenant_id","held_on");--> statement-breakpoint
CREATE POLICY "committee_meetings_tenant" ON "committee_meetings" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "committee_meetings_supervision" ON "committee_meetings" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "governance_settings_tenant" ON "governance_settings" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "governance_settings_supervision" ON "governance_settings" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
ALTER TABLE governance_settings FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE committee_meetings FORCE ROW LEVEL SECURITY;
