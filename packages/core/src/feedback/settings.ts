import { DEFAULT_FEEDBACK_CATEGORIES, FEEDBACK_DEFAULTS, type FeedbackSettings } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { asc } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';

/** The neighbourhood's 码上提 rules, or the defaults (DOMAIN.md §4) while its admins have not changed them. */
export async function feedbackSettings(tx: Tx): Promise<FeedbackSettings> {
  const [row] = await tx.select().from(schema.feedbackSettings);
  return row
    ? {
        categories: row.categories,
        workingDays: row.workingDays,
        remindBefore: row.remindBefore,
        ratingDays: row.ratingDays,
        restartClockOnReassign: row.restartClockOnReassign,
      }
    : { categories: [...DEFAULT_FEEDBACK_CATEGORIES], ...FEEDBACK_DEFAULTS };
}

export async function saveFeedbackSettings(tx: Tx, context: AuditContext, input: FeedbackSettings) {
  const values = { ...input, categories: [...new Set(input.categories)], updatedAt: context.at };
  await tx
    .insert(schema.feedbackSettings)
    .values({ tenantId: context.tenantId, ...values })
    .onConflictDoUpdate({ target: schema.feedbackSettings.tenantId, set: values });
  await audit(tx, context, {
    action: 'feedback.settings_changed',
    targetType: 'feedback_settings',
    targetId: context.tenantId,
    details: values,
  });
  return feedbackSettings(tx);
}

/** The buildings a report may name (a member reporting from the portal picks one, or a public area). */
export async function feedbackPlaces(tx: Tx) {
  const buildings = await tx
    .select({ id: schema.buildings.id, name: schema.buildings.name })
    .from(schema.buildings)
    .orderBy(asc(schema.buildings.name));
  return { buildings };
}
