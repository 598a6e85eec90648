CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"body" text NOT NULL,
	"user_id" uuid NOT NULL,
	"position" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_members_left" CHECK ((left_on is null) = (left_reason is null) and (left_on is null or left_on >= joined_on))
);
--> statement-breakpoint
ALTER TABLE "committee_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"purpose" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_balances" (
	"tenant_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"period" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "ledger_balances_tenant_id_account_id_period_pk" PRIMARY KEY("tenant_id","account_id","period")
);
--> statement-breakpoint
ALTER TABLE "ledger_balances" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_dividend_shares" (
	"tenant_id" uuid NOT NULL,
	"dividend_id" uuid NOT NULL,
	"owner_key" text NOT NULL,
	"owner_ids" uuid[] NOT NULL,
	"unit_ids" uuid[] NOT NULL,
	"area" bigint NOT NULL,
	"fen" bigint NOT NULL,
	"paid_at" timestamp with time zone,
	"payment_entry_id" uuid,
	CONSTRAINT "ledger_dividend_shares_dividend_id_owner_key_pk" PRIMARY KEY("dividend_id","owner_key"),
	CONSTRAINT "ledger_dividend_shares_paid" CHECK ((paid_at is null) = (payment_entry_id is null))
);
--> statement-breakpoint
ALTER TABLE "ledger_dividend_shares" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_dividends" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"total_area" bigint NOT NULL,
	"declared_on" date NOT NULL,
	"declared_by" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_dividends_total_positive" CHECK (total_fen > 0)
);
--> statement-breakpoint
ALTER TABLE "ledger_dividends" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entry_id" uuid,
	"expense_id" uuid,
	"period" text,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_documents_about" CHECK ((kind = 'evidence' and (entry_id is not null or expense_id is not null)) or (kind = 'audit_report' and period is not null))
);
--> statement-breakpoint
ALTER TABLE "ledger_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"memo" text NOT NULL,
	"reverses_id" uuid,
	"expense_id" uuid,
	"dividend_id" uuid,
	"posted_by" uuid NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_period_matches" CHECK (period = to_char(occurred_on, 'YYYY-MM'))
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_expense_signatures" (
	"tenant_id" uuid NOT NULL,
	"expense_id" uuid NOT NULL,
	"body" text NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"note" text,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_expense_signatures_expense_id_body_user_id_pk" PRIMARY KEY("expense_id","body","user_id")
);
--> statement-breakpoint
ALTER TABLE "ledger_expense_signatures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_expenses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"payee" text NOT NULL,
	"reason" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"expense_account_id" uuid NOT NULL,
	"status" text NOT NULL,
	"approvals_needed" smallint NOT NULL,
	"countersign_needed" smallint NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"entry_id" uuid,
	CONSTRAINT "ledger_expenses_amount_positive" CHECK (amount_fen > 0),
	CONSTRAINT "ledger_expenses_paid_entry" CHECK ((status = 'paid') = (entry_id is not null))
);
--> statement-breakpoint
ALTER TABLE "ledger_expenses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_lines" (
	"tenant_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"line" smallint NOT NULL,
	"period" text NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "ledger_lines_entry_id_line_pk" PRIMARY KEY("entry_id","line"),
	CONSTRAINT "ledger_lines_amount_nonzero" CHECK (amount_fen <> 0)
);
--> statement-breakpoint
ALTER TABLE "ledger_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_periods" (
	"tenant_id" uuid NOT NULL,
	"period" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	CONSTRAINT "ledger_periods_tenant_id_period_pk" PRIMARY KEY("tenant_id","period"),
	CONSTRAINT "ledger_periods_review_after_close" CHECK (reviewed_at is null or closed_at is not null)
);
--> statement-breakpoint
ALTER TABLE "ledger_periods" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"approvals_needed" smallint NOT NULL,
	"countersign_above_fen" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_dividend_shares" ADD CONSTRAINT "ledger_dividend_shares_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_dividend_shares" ADD CONSTRAINT "ledger_dividend_shares_dividend_id_ledger_dividends_id_fk" FOREIGN KEY ("dividend_id") REFERENCES "public"."ledger_dividends"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_dividends" ADD CONSTRAINT "ledger_dividends_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_dividends" ADD CONSTRAINT "ledger_dividends_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_documents" ADD CONSTRAINT "ledger_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_documents" ADD CONSTRAINT "ledger_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_expense_signatures" ADD CONSTRAINT "ledger_expense_signatures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_expense_signatures" ADD CONSTRAINT "ledger_expense_signatures_expense_id_ledger_expenses_id_fk" FOREIGN KEY ("expense_id") REFERENCES "public"."ledger_expenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_expense_signatures" ADD CONSTRAINT "ledger_expense_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_expenses" ADD CONSTRAINT "ledger_expenses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_expenses" ADD CONSTRAINT "ledger_expenses_expense_account_id_ledger_accounts_id_fk" FOREIGN KEY ("expense_account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_expenses" ADD CONSTRAINT "ledger_expenses_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_periods" ADD CONSTRAINT "ledger_periods_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_periods" ADD CONSTRAINT "ledger_periods_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_periods" ADD CONSTRAINT "ledger_periods_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_settings" ADD CONSTRAINT "ledger_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_members_tenant_body_idx" ON "committee_members" USING btree ("tenant_id","body");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_members_current_key" ON "committee_members" USING btree ("tenant_id","body","user_id") WHERE left_on is null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_code_key" ON "ledger_accounts" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_purpose_key" ON "ledger_accounts" USING btree ("tenant_id","purpose");--> statement-breakpoint
CREATE INDEX "ledger_documents_entry_idx" ON "ledger_documents" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "ledger_documents_expense_idx" ON "ledger_documents" USING btree ("expense_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_number_key" ON "ledger_entries" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_reverses_key" ON "ledger_entries" USING btree ("reverses_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_expense_key" ON "ledger_entries" USING btree ("expense_id") WHERE kind = 'expense';--> statement-breakpoint
CREATE INDEX "ledger_entries_period_idx" ON "ledger_entries" USING btree ("tenant_id","period");--> statement-breakpoint
CREATE INDEX "ledger_expenses_status_idx" ON "ledger_expenses" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "ledger_lines_account_idx" ON "ledger_lines" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE POLICY "committee_members_tenant" ON "committee_members" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "committee_members_supervision" ON "committee_members" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_accounts_tenant" ON "ledger_accounts" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_accounts_supervision" ON "ledger_accounts" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_balances_tenant" ON "ledger_balances" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_balances_supervision" ON "ledger_balances" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_dividend_shares_tenant" ON "ledger_dividend_shares" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_dividend_shares_supervision" ON "ledger_dividend_shares" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_dividends_tenant" ON "ledger_dividends" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_dividends_supervision" ON "ledger_dividends" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_documents_tenant" ON "ledger_documents" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_documents_supervision" ON "ledger_documents" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_entries_tenant" ON "ledger_entries" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_entries_supervision" ON "ledger_entries" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_expense_signatures_tenant" ON "ledger_expense_signatures" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_expense_signatures_supervision" ON "ledger_expense_signatures" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_expenses_tenant" ON "ledger_expenses" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_expenses_supervision" ON "ledger_expenses" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_lines_tenant" ON "ledger_lines" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_lines_supervision" ON "ledger_lines" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_periods_tenant" ON "ledger_periods" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_periods_supervision" ON "ledger_periods" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
CREATE POLICY "ledger_settings_tenant" ON "ledger_settings" AS PERMISSIVE FOR ALL TO "city_app" USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());--> statement-breakpoint
CREATE POLICY "ledger_settings_supervision" ON "ledger_settings" AS PERMISSIVE FOR SELECT TO "city_app" USING (tenant_id in (select unnest(app_supervised_tenants())));--> statement-breakpoint
-- Neighbourhoods opened before the ledger get the default chart (new ones get it when they open: openChart).
INSERT INTO ledger_accounts (id, tenant_id, code, name, type, purpose)
SELECT gen_random_uuid(), t.id, v.code, v.name, v.type, v.purpose FROM tenants t CROSS JOIN (VALUES
  ('1001', '现金', 'asset', 'cash'),
  ('1002', '对公账户', 'asset', 'bank'),
  ('2201', '应付分红', 'liability', 'dividends_payable'),
  ('2241', '其他应付款', 'liability', 'other_payable'),
  ('3001', '净资产', 'equity', 'net_assets'),
  ('4001', '停车收入', 'income', 'parking'),
  ('4002', '广告收入', 'income', 'advertising'),
  ('4003', '场地租赁收入', 'income', 'venue_rental'),
  ('4099', '其他收入', 'income', 'other_income'),
  ('5001', '维修支出', 'expense', 'repairs'),
  ('5002', '补贴物业费', 'expense', 'property_fee_subsidy'),
  ('5003', '分红', 'expense', 'dividends'),
  ('5004', '审计费', 'expense', 'audit'),
  ('5005', '办公费', 'expense', 'office')
) AS v(code, name, type, purpose);--> statement-breakpoint
ALTER TABLE committee_members FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_settings FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_accounts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_entries FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_lines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_balances FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_periods FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_expenses FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_expense_signatures FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_dividends FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_dividend_shares FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_documents FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Posted is posted: the app may add entries and lines, never change or remove them (a correction is a reversal).
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entries, ledger_lines FROM city_app;--> statement-breakpoint
-- The monthly balances are the lines' sums, added to by the trigger below and never taken from.
REVOKE DELETE, TRUNCATE ON ledger_balances FROM city_app;--> statement-breakpoint
-- Every statement that adds lines leaves each entry it touched balanced (two lines at least, summing to zero, all in
-- the entry's period) and adds them to the monthly balances.
CREATE FUNCTION ledger_lines_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE unbalanced uuid;
BEGIN
  SELECT l.entry_id INTO unbalanced FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id
   WHERE l.entry_id IN (SELECT DISTINCT entry_id FROM new_lines)
   GROUP BY l.entry_id HAVING count(*) < 2 OR sum(l.amount_fen) <> 0 OR bool_or(l.period <> e.period) LIMIT 1;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger entry % does not balance', unbalanced USING ERRCODE = '23514', CONSTRAINT = 'ledger_entry_balances';
  END IF;
  INSERT INTO ledger_balances AS b (tenant_id, account_id, period, amount_fen)
  SELECT tenant_id, account_id, period, sum(amount_fen) FROM new_lines GROUP BY tenant_id, account_id, period
  ON CONFLICT (tenant_id, account_id, period) DO UPDATE SET amount_fen = b.amount_fen + excluded.amount_fen;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER ledger_lines_balance AFTER INSERT ON ledger_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_lines_balance();--> statement-breakpoint
-- And no entry is committed without its lines.
CREATE FUNCTION ledger_entry_has_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger_lines WHERE entry_id = NEW.id) THEN
    RAISE EXCEPTION 'ledger entry % has no lines', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'ledger_entry_balances';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entry_has_lines AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_has_lines();
