import { addressLabel, type Locale, type TodoItem } from '@city/contracts';
import { schema, withTenantReadOnly, withUser, type Database } from '@city/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Verification } from './verification.ts';

const DAY_MS = 86_400_000;
/** A refusal stays on the home page this long, unless the person asked again meanwhile. */
const REFUSAL_SHOWN_MS = 30 * DAY_MS;

const WORDS = {
  pending: {
    title: { 'zh-CN': (a: string) => `房屋认证审核中：${a}`, en: (a: string) => `Verification waiting: ${a}` },
    body: {
      'zh-CN': '管理员核实后会通知您；通过后即可查看居民通知、参与议事。',
      en: 'You will be told once an admin has checked it; then you can read residents’ notices and take part.',
    },
    action: { 'zh-CN': '查看', en: 'View' },
  },
  rejected: {
    title: { 'zh-CN': (a: string) => `认证未通过：${a}`, en: (a: string) => `Not verified: ${a}` },
    body: {
      'zh-CN': (r: string) => `原因：${r}。可补充说明后重新申请，或用认证信上的认证码认领。`,
      en: (r: string) => `Reason: ${r}. Ask again with more detail, or claim with the code on the letter.`,
    },
    action: { 'zh-CN': '重新申请', en: 'Ask again' },
  },
} as const;

/**
 * The core's part of a person's to-do list: their verification requests waiting for an admin, and the ones refused
 * lately that they have not followed up (a newer request or a verification of the same home replaces it).
 */
export async function verificationTodos(
  deps: { db: Database; verification: Verification; clock: { now(): Date } },
  person: { id: string; phone: string },
  locale: Locale,
): Promise<TodoItem[]> {
  const since = deps.clock.now().getTime() - REFUSAL_SHOWN_MS;
  // Through the person's own policy: the neighbourhoods where they have a request, however it ended.
  const places = await withUser(deps.db, person, (tx) =>
    tx
      .selectDistinct({ id: schema.tenants.id, slug: schema.tenants.slug, name: schema.tenants.name })
      .from(schema.verifications)
      .innerJoin(schema.tenants, eq(schema.tenants.id, schema.verifications.tenantId))
      .where(
        and(
          eq(schema.verifications.userId, person.id),
          inArray(schema.verifications.status, ['pending', 'rejected']),
          eq(schema.tenants.status, 'active'),
        ),
      ),
  );
  const items: TodoItem[] = [];
  for (const place of places) {
    const mine = await withTenantReadOnly(deps.db, place.id, (tx) => deps.verification.mine(tx, person.id));
    const link = `/n/${encodeURIComponent(place.slug)}/my`;
    const neighbourhood = { slug: place.slug, name: place.name };
    // Newest first: the first row of a unit is where that home stands now.
    const latest = new Map<string, (typeof mine)[number]>();
    for (const v of mine) if (!latest.has(v.unitId)) latest.set(v.unitId, v);
    for (const v of latest.values()) {
      const address = addressLabel(v.address, locale);
      if (v.status === 'pending') {
        const w = WORDS.pending;
        items.push({
          kind: 'core.verification_pending',
          title: w.title[locale](address),
          named: address,
          body: w.body[locale],
          link,
          action: w.action[locale],
          due: null,
          urgent: false,
          neighbourhood,
        });
      } else if (v.status === 'rejected' && v.decidedAt && v.decidedAt.getTime() >= since) {
        const w = WORDS.rejected;
        items.push({
          kind: 'core.verification_rejected',
          title: w.title[locale](address),
          named: address,
          body: w.body[locale](v.decisionReason ?? '—'),
          link,
          action: w.action[locale],
          due: null,
          urgent: true,
          neighbourhood,
        });
      }
    }
  }
  return items;
}
