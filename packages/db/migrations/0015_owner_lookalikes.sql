CREATE TABLE "owner_lookalike_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"owner_ids" uuid[] NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "owner_lookalike_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "owner_lookalike_decisions" ADD CONSTRAINT "owner_lookalike_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_lookalike_decisions" ADD CONSTRAINT "owner_lookalike_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "owner_lookalike_decisions_group" ON "owner_lookalike_decisions" USING btree ("tenant_id","owner_ids");--> statement-breakpoint
ALTER TABLE "owners" ADD CONSTRAINT "owners_merged_into_id_owners_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "owners_tenant_lookalike" ON "owners" USING btree ("tenant_id","name","phone") WHERE "owners"."id_number_hash" is null and "owners"."merged_into_id" is null;--> statement-breakpoint
CREATE POLICY "owner_lookalike_decisions_tenant" ON "owner_lookalike_decisions" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "owner_lookalike_decisions_supervision" ON "owner_lookalike_decisions" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));