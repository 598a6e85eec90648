CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "owners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"id_number_hash" "bytea",
	"id_number_masked" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "owners" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "unit_owners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"designated_voter" boolean DEFAULT false NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "unit_owners" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "unit_residents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"phone" text,
	"since" timestamp with time zone NOT NULL,
	"until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "unit_residents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"entrance" text DEFAULT '' NOT NULL,
	"floor" integer NOT NULL,
	"room" text NOT NULL,
	"registered_area" integer,
	"measured_area" integer,
	"contract_area" integer,
	"sale_status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_areas_positive" CHECK (coalesce("units"."registered_area", 1) > 0 and coalesce("units"."measured_area", 1) > 0 and coalesce("units"."contract_area", 1) > 0)
);
--> statement-breakpoint
ALTER TABLE "units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owners" ADD CONSTRAINT "owners_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_owners" ADD CONSTRAINT "unit_owners_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_owners" ADD CONSTRAINT "unit_owners_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_owners" ADD CONSTRAINT "unit_owners_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_residents" ADD CONSTRAINT "unit_residents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_residents" ADD CONSTRAINT "unit_residents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_tenant_name" ON "buildings" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "owners_tenant_id_number" ON "owners" USING btree ("tenant_id","id_number_hash") WHERE "owners"."id_number_hash" is not null;--> statement-breakpoint
CREATE INDEX "owners_tenant_phone" ON "owners" USING btree ("tenant_id","phone");--> statement-breakpoint
CREATE INDEX "unit_owners_tenant_unit" ON "unit_owners" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_owners_tenant_owner" ON "unit_owners" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_owners_one_voter" ON "unit_owners" USING btree ("unit_id") WHERE "unit_owners"."designated_voter" and "unit_owners"."until" is null;--> statement-breakpoint
CREATE INDEX "unit_residents_tenant_unit" ON "unit_residents" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_tenant_address" ON "units" USING btree ("tenant_id","building_id","entrance","room");--> statement-breakpoint
CREATE INDEX "units_tenant_building" ON "units" USING btree ("tenant_id","building_id","floor");--> statement-breakpoint
CREATE POLICY "buildings_tenant" ON "buildings" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "buildings_supervision" ON "buildings" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "owners_tenant" ON "owners" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "owners_supervision" ON "owners" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "unit_owners_tenant" ON "unit_owners" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "unit_owners_supervision" ON "unit_owners" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "unit_residents_tenant" ON "unit_residents" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "unit_residents_supervision" ON "unit_residents" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));--> statement-breakpoint
CREATE POLICY "units_tenant" ON "units" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "units_supervision" ON "units" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id = any(app_supervised_tenants()));