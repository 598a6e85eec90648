ALTER TABLE "ledger_documents" ADD COLUMN "notice_id" uuid;--> statement-breakpoint
-- Reports kept before: their notice is the ledger's 公示 whose attachment is the report.
UPDATE "ledger_documents" AS d SET "notice_id" = n."id"
FROM "notices" AS n
WHERE d."kind" = 'audit_report' AND n."tenant_id" = d."tenant_id" AND n."source" = 'ledger'
  AND n."attachments"::text LIKE '%/ledger/documents/' || d."id"::text || '"%';
