-- The directory's one table, following the tenancy invariants (tenant_id, RLS enabled and forced), and the plugin's
-- own database role, which may reach this table and nothing of the core.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'city_p_contacts') THEN
    CREATE ROLE city_p_contacts NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT city_p_contacts TO CURRENT_USER;
--> statement-breakpoint
CREATE TABLE contacts_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  category text NOT NULL CHECK (category IN ('property', 'community', 'police', 'medical', 'repair', 'utility', 'other')),
  name text NOT NULL,
  phone text NOT NULL,
  hours text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX contacts_entries_tenant ON contacts_entries (tenant_id, category, position);
--> statement-breakpoint
ALTER TABLE contacts_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contacts_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contacts_entries_tenant ON contacts_entries FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO city_p_contacts;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON contacts_entries TO city_p_contacts;
