-- The organisation a transaction acts for (a vendor serving many neighbourhoods): set only by scope.ts, read by the
-- policies of rows an organisation shares with neighbourhoods.
CREATE OR REPLACE FUNCTION app_organisation() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_enter_tenant(p_tenant uuid, p_user uuid)
RETURNS TABLE (member_id uuid, roles text[]) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('role', 'city_app', true);
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.user_phone', '', true);
  PERFORM set_config('app.supervised_tenants', '', true);
  PERFORM set_config('app.organisation_id', '', true);
  RETURN QUERY SELECT m.id, m.roles FROM members m WHERE m.user_id = p_user;
END
$$;
--> statement-breakpoint
CREATE TABLE "organisation_members" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_members_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id"),
	CONSTRAINT "organisation_members_role" CHECK ("organisation_members"."role" in ('owner', 'manager', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_members_user" ON "organisation_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_uscc" ON "organisations" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "plugin_installs_plugin" ON "plugin_installs" USING btree ("plugin_id","status");--> statement-breakpoint
CREATE POLICY "plugin_installs_organisations" ON "plugin_installs" AS PERMISSIVE FOR SELECT TO "city_app" USING (app_organisation() is not null);
