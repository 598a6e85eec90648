import { LEDGER_DEFAULTS, type LedgerSettings } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { audit, type AuditContext } from '../audit.ts';

/** The neighbourhood's ledger rules, or the defaults while its admins have not set them. */
export async function ledgerSettings(tx: Tx): Promise<LedgerSettings> {
  const [row] = await tx.select().from(schema.ledgerSettings);
  return row
    ? { approvalsNeeded: row.approvalsNeeded, countersignAboveFen: row.countersignAboveFen }
    : { ...LEDGER_DEFAULTS };
}

export async function saveLedgerSettings(tx: Tx, context: AuditContext, input: LedgerSettings) {
  const values = { ...input, updatedAt: context.at };
  await tx
    .insert(schema.ledgerSettings)
    .values({ tenantId: context.tenantId, ...values })
    .onConflictDoUpdate({ target: schema.ledgerSettings.tenantId, set: values });
  await audit(tx, context, {
    action: 'ledger.settings_changed',
    targetType: 'ledger_settings',
    targetId: context.tenantId,
    details: input,
  });
  return ledgerSettings(tx);
}
