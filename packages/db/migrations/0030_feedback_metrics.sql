ALTER TABLE "feedback_reports" ADD COLUMN "responded_on_time" boolean;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD COLUMN "working_days_taken" smallint;--> statement-breakpoint
CREATE INDEX "feedback_reports_tenant_created" ON "feedback_reports" USING btree ("tenant_id","created_at");