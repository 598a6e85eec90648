ALTER TABLE "ledger_documents" DROP CONSTRAINT "ledger_documents_about";--> statement-breakpoint
ALTER TABLE "committee_members" ADD COLUMN "party_post" text;--> statement-breakpoint
ALTER TABLE "ledger_documents" ADD COLUMN "term_id" uuid;--> statement-breakpoint
CREATE INDEX "ledger_documents_term_idx" ON "ledger_documents" USING btree ("term_id");--> statement-breakpoint
ALTER TABLE "ledger_documents" ADD CONSTRAINT "ledger_documents_about" CHECK ((kind = 'evidence' and (entry_id is not null or expense_id is not null)) or (kind = 'audit_report' and period is not null) or (kind = 'registration' and term_id is not null));