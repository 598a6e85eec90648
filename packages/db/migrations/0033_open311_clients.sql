CREATE TABLE "open311_clients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_hash" "bytea" NOT NULL,
	"key_hint" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "open311_clients" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD COLUMN "open311_client_id" uuid;--> statement-breakpoint
ALTER TABLE "open311_clients" ADD CONSTRAINT "open311_clients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_clients" ADD CONSTRAINT "open311_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open311_clients_key" ON "open311_clients" USING btree ("key_hash");--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_open311_client_id_open311_clients_id_fk" FOREIGN KEY ("open311_client_id") REFERENCES "public"."open311_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "open311_clients_tenant" ON "open311_clients" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "open311_clients_supervision" ON "open311_clients" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE open311_clients FORCE ROW LEVEL SECURITY;
