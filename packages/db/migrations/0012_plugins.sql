CREATE TABLE "plugin_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "plugin_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plugin_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "plugin_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plugin_installs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"version" text NOT NULL,
	"status" text NOT NULL,
	"granted_scopes" text[] NOT NULL,
	"settings" jsonb NOT NULL,
	"installed_by" uuid NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plugin_installs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plugin_role_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plugin_role_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plugin_versions" (
	"plugin_id" text NOT NULL,
	"version" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plugin_versions_plugin_id_version_pk" PRIMARY KEY("plugin_id","version")
);
--> statement-breakpoint
ALTER TABLE "plugin_deliveries" ADD CONSTRAINT "plugin_deliveries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_deliveries" ADD CONSTRAINT "plugin_deliveries_event_id_plugin_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."plugin_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_events" ADD CONSTRAINT "plugin_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_installs" ADD CONSTRAINT "plugin_installs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_installs" ADD CONSTRAINT "plugin_installs_installed_by_users_id_fk" FOREIGN KEY ("installed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_role_grants" ADD CONSTRAINT "plugin_role_grants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_role_grants" ADD CONSTRAINT "plugin_role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_role_grants" ADD CONSTRAINT "plugin_role_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_versions" ADD CONSTRAINT "plugin_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plugin_deliveries_event_plugin" ON "plugin_deliveries" USING btree ("event_id","plugin_id");--> statement-breakpoint
CREATE INDEX "plugin_deliveries_due" ON "plugin_deliveries" USING btree ("tenant_id","next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "plugin_deliveries_tenant_plugin" ON "plugin_deliveries" USING btree ("tenant_id","plugin_id","status");--> statement-breakpoint
CREATE INDEX "plugin_events_undispatched" ON "plugin_events" USING btree ("tenant_id") WHERE dispatched_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "plugin_installs_tenant_plugin" ON "plugin_installs" USING btree ("tenant_id","plugin_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plugin_role_grants_member" ON "plugin_role_grants" USING btree ("tenant_id","plugin_id","user_id","role");--> statement-breakpoint
CREATE POLICY "plugin_deliveries_tenant" ON "plugin_deliveries" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "plugin_deliveries_supervision" ON "plugin_deliveries" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "plugin_events_tenant" ON "plugin_events" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "plugin_events_supervision" ON "plugin_events" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "plugin_installs_tenant" ON "plugin_installs" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "plugin_installs_supervision" ON "plugin_installs" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "plugin_role_grants_tenant" ON "plugin_role_grants" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "plugin_role_grants_supervision" ON "plugin_role_grants" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));