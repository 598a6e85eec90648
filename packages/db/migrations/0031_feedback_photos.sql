CREATE TABLE "feedback_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"side" text NOT NULL,
	"added_by" uuid,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_photos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "feedback_photos" ADD CONSTRAINT "feedback_photos_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_photos" ADD CONSTRAINT "feedback_photos_report_id_feedback_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."feedback_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_photos" ADD CONSTRAINT "feedback_photos_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_photos_report" ON "feedback_photos" USING btree ("tenant_id","report_id");--> statement-breakpoint
ALTER TABLE "feedback_reports" DROP COLUMN "photos";--> statement-breakpoint
ALTER TABLE "feedback_steps" DROP COLUMN "photos";--> statement-breakpoint
CREATE POLICY "feedback_photos_tenant" ON "feedback_photos" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "feedback_photos_supervision" ON "feedback_photos" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE feedback_photos FORCE ROW LEVEL SECURITY;
