CREATE TABLE "profile_badges" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_badges_tenant_id_user_id_plugin_id_pk" PRIMARY KEY("tenant_id","user_id","plugin_id")
);
--> statement-breakpoint
ALTER TABLE "profile_badges" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "profile_badges" ADD CONSTRAINT "profile_badges_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_badges" ADD CONSTRAINT "profile_badges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "profile_badges_tenant" ON "profile_badges" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "profile_badges_supervision" ON "profile_badges" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE profile_badges FORCE ROW LEVEL SECURITY;
