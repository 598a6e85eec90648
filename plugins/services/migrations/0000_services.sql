-- 生活服务. Vendors are organisations of the platform (core table `organisations`): they sign up once and serve many
-- neighbourhoods. So rows here are of three kinds, each with its own policies (docs/architecture.md §3: cross-tenant readers go
-- through explicit paths with their own policies, never "bypass everything"):
--   * the organisation's own rows (profile, offerings, slots): organisation_id, reached by the organisation
--     (app_organisation()) and, read-only or narrowly, by neighbourhoods the vendor serves;
--   * rows shared by one organisation and one neighbourhood (admission, listings, orders, reviews): tenant_id AND
--     organisation_id, reached by that neighbourhood (app_tenant()) or that organisation (app_organisation());
--   * the neighbourhood's own rows (complaints): tenant_id only.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'city_p_services') THEN
    CREATE ROLE city_p_services NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT city_p_services TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO city_p_services;
--> statement-breakpoint
CREATE TABLE services_vendors (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
  name text NOT NULL,
  intro text NOT NULL DEFAULT '',
  phone text NOT NULL,
  categories text[] NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE TABLE services_admissions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  organisation_id uuid NOT NULL REFERENCES services_vendors(organisation_id),
  tenant_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'admitted', 'refused', 'suspended', 'withdrawn')),
  note text NOT NULL DEFAULT '',
  applied_at timestamptz NOT NULL,
  applied_by_name text NOT NULL,
  decided_at timestamptz,
  decided_by_name text,
  reason text,
  point_address text,
  point_hours text,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, organisation_id)
);
--> statement-breakpoint
CREATE INDEX services_admissions_organisation ON services_admissions (organisation_id);
--> statement-breakpoint
CREATE TABLE services_offerings (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES services_vendors(organisation_id),
  title text NOT NULL,
  description text NOT NULL,
  category text NOT NULL,
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  price_unit text NOT NULL CHECK (price_unit IN ('visit', 'hour', 'item')),
  status text NOT NULL CHECK (status IN ('active', 'withdrawn')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX services_offerings_organisation ON services_offerings (organisation_id, created_at);
--> statement-breakpoint
-- Photos of an offering, uploaded by the vendor (JPEG, PNG or WebP, checked by their first bytes; 1 MB at most).
CREATE TABLE services_images (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL,
  offering_id uuid NOT NULL REFERENCES services_offerings(id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) <= 1048576),
  created_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX services_images_offering ON services_images (offering_id, created_at);
--> statement-breakpoint
-- Which neighbourhoods an offering is listed in: only where the vendor has an admission (composite key).
CREATE TABLE services_listings (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  organisation_id uuid NOT NULL,
  offering_id uuid NOT NULL REFERENCES services_offerings(id),
  listed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, offering_id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES services_admissions (tenant_id, organisation_id)
);
--> statement-breakpoint
CREATE INDEX services_listings_organisation ON services_listings (organisation_id, offering_id);
--> statement-breakpoint
-- Bookable times. `booked` counts live orders; the CHECK is the last word on capacity: whatever the code does, the
-- database never stores more orders in a slot than it holds.
CREATE TABLE services_slots (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL,
  offering_id uuid NOT NULL REFERENCES services_offerings(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
  booked integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  CHECK (booked BETWEEN 0 AND capacity),
  CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE INDEX services_slots_offering ON services_slots (offering_id, starts_at);
--> statement-breakpoint
-- A neighbourhood books and releases seats in its vendors' slots and may change nothing else of them.
CREATE FUNCTION services_slot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF app_organisation() IS NULL AND (ROW(NEW.id, NEW.organisation_id, NEW.offering_id, NEW.starts_at, NEW.ends_at, NEW.capacity, NEW.created_at)
      IS DISTINCT FROM ROW(OLD.id, OLD.organisation_id, OLD.offering_id, OLD.starts_at, OLD.ends_at, OLD.capacity, OLD.created_at)) THEN
    RAISE EXCEPTION 'a neighbourhood changes only the seats booked in a slot' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER services_slot_guard BEFORE UPDATE ON services_slots FOR EACH ROW EXECUTE FUNCTION services_slot_guard();
--> statement-breakpoint
-- An organisation applies and withdraws; only the neighbourhood admits, refuses, suspends.
CREATE FUNCTION services_admission_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF app_tenant() IS NULL AND NEW.status NOT IN ('pending', 'withdrawn')
     AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
    RAISE EXCEPTION 'an organisation cannot decide its own admission' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER services_admission_guard BEFORE INSERT OR UPDATE ON services_admissions FOR EACH ROW EXECUTE FUNCTION services_admission_guard();
--> statement-breakpoint
CREATE TABLE services_orders (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  organisation_id uuid NOT NULL,
  offering_id uuid NOT NULL REFERENCES services_offerings(id),
  slot_id uuid NOT NULL REFERENCES services_slots(id),
  resident_id uuid NOT NULL,
  resident_name text NOT NULL,
  unit_id uuid NOT NULL,
  address text NOT NULL,
  contact_phone text NOT NULL,
  notes text NOT NULL DEFAULT '',
  offering_title text NOT NULL,
  vendor_name text NOT NULL,
  tenant_name text NOT NULL,
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  price_unit text NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 20),
  amount_fen integer NOT NULL CHECK (amount_fen = price_fen * quantity),
  slot_starts_at timestamptz NOT NULL,
  slot_ends_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('placed', 'accepted', 'declined', 'in_service', 'completed', 'cancelled')),
  payment_provider text NOT NULL,
  payment_status text NOT NULL CHECK (payment_status IN ('due_on_completion', 'paid', 'void')),
  payment_reference text,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  placed_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES services_admissions (tenant_id, organisation_id),
  UNIQUE (tenant_id, resident_id, idempotency_key)
);
--> statement-breakpoint
CREATE INDEX services_orders_resident ON services_orders (tenant_id, resident_id, placed_at DESC);
--> statement-breakpoint
CREATE INDEX services_orders_tenant_vendor ON services_orders (tenant_id, organisation_id, status);
--> statement-breakpoint
CREATE INDEX services_orders_inbox ON services_orders (organisation_id, updated_at DESC);
--> statement-breakpoint
CREATE TABLE services_order_events (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  organisation_id uuid NOT NULL,
  order_id uuid NOT NULL REFERENCES services_orders(id),
  from_status text,
  to_status text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('resident', 'vendor')),
  actor_id uuid NOT NULL,
  actor_name text NOT NULL,
  reason text,
  at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX services_order_events_order ON services_order_events (tenant_id, order_id, at);
--> statement-breakpoint
CREATE INDEX services_order_events_organisation ON services_order_events (organisation_id, order_id);
--> statement-breakpoint
CREATE TABLE services_reviews (
  order_id uuid PRIMARY KEY REFERENCES services_orders(id),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  organisation_id uuid NOT NULL,
  resident_name text NOT NULL,
  rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  reply text,
  replied_at timestamptz,
  replied_by_name text
);
--> statement-breakpoint
CREATE INDEX services_reviews_tenant_vendor ON services_reviews (tenant_id, organisation_id, created_at DESC);
--> statement-breakpoint
CREATE INDEX services_reviews_organisation ON services_reviews (organisation_id, created_at DESC);
--> statement-breakpoint
CREATE TABLE services_complaints (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  organisation_id uuid NOT NULL,
  order_id uuid NOT NULL REFERENCES services_orders(id),
  resident_id uuid NOT NULL,
  resident_name text NOT NULL,
  vendor_name text NOT NULL,
  body text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'resolved')),
  resolution text,
  resolved_by_name text,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX services_complaints_tenant ON services_complaints (tenant_id, status, created_at DESC);
--> statement-breakpoint
ALTER TABLE services_vendors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE services_vendors FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY services_vendors_organisation ON services_vendors FOR ALL TO PUBLIC
  USING (organisation_id = app_organisation()) WITH CHECK (organisation_id = app_organisation());
--> statement-breakpoint
-- A neighbourhood reads the vendors with any standing there (an applicant's profile too), and the offerings and
-- slots of those admitted there (admitted or suspended: a suspended vendor's orders still run their course). Written
-- as uncorrelated sub-selects, which Postgres runs once per statement and hashes, rather than a check per row; they
-- read admissions under admissions' own policy, i.e. of the current neighbourhood only.
CREATE POLICY services_vendors_known ON services_vendors FOR SELECT TO PUBLIC USING (organisation_id IN (SELECT a.organisation_id FROM services_admissions a WHERE a.tenant_id = app_tenant()));
--> statement-breakpoint
ALTER TABLE services_offerings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE services_offerings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY services_offerings_organisation ON services_offerings FOR ALL TO PUBLIC
  USING (organisation_id = app_organisation()) WITH CHECK (organisation_id = app_organisation());
--> statement-breakpoint
CREATE POLICY services_offerings_served ON services_offerings FOR SELECT TO PUBLIC USING (organisation_id IN (SELECT a.organisation_id FROM services_admissions a WHERE a.tenant_id = app_tenant() AND a.status IN ('admitted', 'suspended')));
--> statement-breakpoint
ALTER TABLE services_images ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE services_images FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY services_images_organisation ON services_images FOR ALL TO PUBLIC
  USING (organisation_id = app_organisation()) WITH CHECK (organisation_id = app_organisation());
--> statement-breakpoint
CREATE POLICY services_images_served ON services_images FOR SELECT TO PUBLIC USING (organisation_id IN (SELECT a.organisation_id FROM services_admissions a WHERE a.tenant_id = app_tenant() AND a.status IN ('admitted', 'suspended')));
--> statement-breakpoint
ALTER TABLE services_slots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE services_slots FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY services_slots_organisation ON services_slots FOR ALL TO PUBLIC
  USING (organisation_id = app_organisation()) WITH CHECK (organisation_id = app_organisation());
--> statement-breakpoint
CREATE POLICY services_slots_served ON services_slots FOR SELECT TO PUBLIC USING (organisation_id IN (SELECT a.organisation_id FROM services_admissions a WHERE a.tenant_id = app_tenant() AND a.status IN ('admitted', 'suspended')));
--> statement-breakpoint
CREATE POLICY services_slots_booking ON services_slots FOR UPDATE TO PUBLIC
  USING (organisation_id IN (SELECT a.organisation_id FROM services_admissions a WHERE a.tenant_id = app_tenant() AND a.status IN ('admitted', 'suspended')))
  WITH CHECK (organisation_id IN (SELECT a.organisation_id FROM services_admissions a WHERE a.tenant_id = app_tenant() AND a.status IN ('admitted', 'suspended')));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  -- Shared rows: the neighbourhood's, and the organisation's.
  FOREACH t IN ARRAY ARRAY['services_admissions', 'services_listings', 'services_orders', 'services_order_events', 'services_reviews'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t || '_tenant', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO PUBLIC USING (organisation_id = app_organisation()) WITH CHECK (organisation_id = app_organisation())', t || '_organisation', t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE services_complaints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE services_complaints FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY services_complaints_tenant ON services_complaints FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON services_images TO city_p_services;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON services_vendors, services_admissions, services_offerings, services_listings, services_slots, services_orders, services_reviews, services_complaints TO city_p_services;
--> statement-breakpoint
-- The order history is written once and never changed (purge deletes it with the neighbourhood's data).
GRANT SELECT, INSERT, DELETE ON services_order_events TO city_p_services;
