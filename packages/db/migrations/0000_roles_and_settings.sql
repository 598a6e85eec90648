-- The application role: owns nothing, cannot bypass row-level security. The connecting user must be a member
-- so that every transaction can switch to it (docs/architecture.md §3).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'city_app') THEN
    CREATE ROLE city_app NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
GRANT city_app TO CURRENT_USER;
--> statement-breakpoint
-- The per-transaction settings that policies read. Only packages/db/src/scope.ts sets them (set_config(..., true)).
-- An unset or reset setting reads as '' on a pooled connection, hence nullif.
CREATE OR REPLACE FUNCTION app_tenant() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_phone() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_phone', true), '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_supervised_tenants() RETURNS uuid[] LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('app.supervised_tenants', true), ''), '{}')::uuid[] $$;
