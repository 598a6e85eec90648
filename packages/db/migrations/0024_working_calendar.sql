CREATE TABLE "working_calendar_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"holidays" date[] NOT NULL,
	"workdays" date[] NOT NULL,
	"note" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_calendar_notices_year_range" CHECK ("working_calendar_notices"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "working_calendar_notices" ADD CONSTRAINT "working_calendar_notices_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "working_calendar_notices_year" ON "working_calendar_notices" USING btree ("year","changed_at");