ALTER TABLE "ledger_dividends" ADD COLUMN "shares" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Distributions declared before this migration kept a row per share: their shares move into the distribution, and
-- only the paid ones stay as rows.
UPDATE ledger_dividends d SET shares = coalesce((
  SELECT jsonb_agg(jsonb_build_object('key', s.owner_key, 'ownerIds', to_jsonb(s.owner_ids), 'unitIds', to_jsonb(s.unit_ids),
    'area', s.area, 'fen', s.fen) ORDER BY s.owner_key)
  FROM ledger_dividend_shares s WHERE s.dividend_id = d.id), '[]'::jsonb);--> statement-breakpoint
DELETE FROM ledger_dividend_shares WHERE paid_at IS NULL;
