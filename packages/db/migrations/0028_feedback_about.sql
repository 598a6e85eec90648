ALTER TABLE "feedback_reports" ADD COLUMN "about_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD COLUMN "about_name" text;