CREATE TABLE "committee_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"period" text NOT NULL,
	"scores" jsonb NOT NULL,
	"summary" text NOT NULL,
	"evaluated_by" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_evaluations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "committee_evaluations" ADD CONSTRAINT "committee_evaluations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_evaluations" ADD CONSTRAINT "committee_evaluations_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_evaluations_tenant_idx" ON "committee_evaluations" USING btree ("tenant_id","period");--> statement-breakpoint
CREATE POLICY "committee_evaluations_tenant" ON "committee_evaluations" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "committee_evaluations_supervision" ON "committee_evaluations" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
ALTER TABLE committee_evaluations FORCE ROW LEVEL SECURITY;
