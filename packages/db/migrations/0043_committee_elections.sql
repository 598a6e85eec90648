CREATE TABLE "committee_elections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"event_id" uuid NOT NULL,
	"meeting_ref" text NOT NULL,
	"meeting_title" text NOT NULL,
	"motion_title" text NOT NULL,
	"by_election" boolean NOT NULL,
	"seats" smallint NOT NULL,
	"elected_on" date NOT NULL,
	"elected" jsonb NOT NULL,
	"unfilled" smallint NOT NULL,
	"notice_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"term_id" uuid,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"dismiss_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_elections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "committee_elections" ADD CONSTRAINT "committee_elections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_elections" ADD CONSTRAINT "committee_elections_term_id_committee_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."committee_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_elections" ADD CONSTRAINT "committee_elections_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "committee_elections_event_key" ON "committee_elections" USING btree ("tenant_id","event_id");--> statement-breakpoint
CREATE INDEX "committee_elections_pending_idx" ON "committee_elections" USING btree ("tenant_id") WHERE status = 'pending';--> statement-breakpoint
CREATE POLICY "committee_elections_tenant" ON "committee_elections" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "committee_elections_supervision" ON "committee_elections" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
ALTER TABLE committee_elections FORCE ROW LEVEL SECURITY;