CREATE TABLE "committee_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"elected_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"seats" smallint NOT NULL,
	"elected_by" text,
	"filing_due" date NOT NULL,
	"filed_on" date,
	"registration_no" text,
	"bank_account" text,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_terms_seats" CHECK (seats between 5 and 11 and seats % 2 = 1),
	CONSTRAINT "committee_terms_length" CHECK (starts_on >= elected_on and ends_on > starts_on and ends_on <= starts_on + interval '5 years'),
	CONSTRAINT "committee_terms_filing" CHECK (filing_due = elected_on + 30)
);
--> statement-breakpoint
ALTER TABLE "committee_terms" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "preparatory_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"formed_on" date NOT NULL,
	"first_meeting_due" date NOT NULL,
	"first_meeting_on" date,
	"notice_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preparatory_groups_due" CHECK (first_meeting_due = formed_on + 90)
);
--> statement-breakpoint
ALTER TABLE "preparatory_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "preparatory_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"name" text NOT NULL,
	"seat" text NOT NULL,
	"lead" boolean NOT NULL,
	"user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "preparatory_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "committee_terms" ADD CONSTRAINT "committee_terms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparatory_groups" ADD CONSTRAINT "preparatory_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparatory_members" ADD CONSTRAINT "preparatory_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparatory_members" ADD CONSTRAINT "preparatory_members_group_id_preparatory_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."preparatory_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparatory_members" ADD CONSTRAINT "preparatory_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "committee_terms_current_key" ON "committee_terms" USING btree ("tenant_id") WHERE ended_on is null;--> statement-breakpoint
CREATE UNIQUE INDEX "preparatory_groups_open_key" ON "preparatory_groups" USING btree ("tenant_id") WHERE first_meeting_on is null;--> statement-breakpoint
CREATE INDEX "preparatory_members_group_idx" ON "preparatory_members" USING btree ("group_id");--> statement-breakpoint
CREATE POLICY "committee_terms_tenant" ON "committee_terms" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "committee_terms_supervision" ON "committee_terms" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "preparatory_groups_tenant" ON "preparatory_groups" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "preparatory_groups_supervision" ON "preparatory_groups" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "preparatory_members_tenant" ON "preparatory_members" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "preparatory_members_supervision" ON "preparatory_members" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
ALTER TABLE preparatory_groups FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE preparatory_members FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE committee_terms FORCE ROW LEVEL SECURITY;
