CREATE TABLE "feedback_trackers" (
	"token_hash" "bytea" PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_trackers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "feedback_trackers" ADD CONSTRAINT "feedback_trackers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_trackers" ADD CONSTRAINT "feedback_trackers_report_id_feedback_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."feedback_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_trackers_report" ON "feedback_trackers" USING btree ("tenant_id","report_id");--> statement-breakpoint
CREATE POLICY "feedback_trackers_tenant" ON "feedback_trackers" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "feedback_trackers_supervision" ON "feedback_trackers" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE feedback_trackers FORCE ROW LEVEL SECURITY;
