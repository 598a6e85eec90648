import type { Locale, TenantRole, TodoItem } from '@city/contracts';
import { schema, withTenantReadOnly, type Database } from '@city/db';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { addDays, beijingDate } from '../calendar/index.ts';
import { governance } from './governance.ts';

const WORDS = {
  sign: {
    title: { 'zh-CN': (t: string) => `待您签署：${t}`, en: (t: string) => `Waiting for your signature: ${t}` },
    body: {
      'zh-CN': (who: string) => `${who}提议的支出，需要委员批准后才能支付。`,
      en: (who: string) => `Proposed by ${who}; it is paid once the committee approves it.`,
    },
    action: { 'zh-CN': '去签署', en: 'Sign' },
  },
  countersign: {
    title: {
      'zh-CN': (t: string) => `待监督委员会会签：${t}`,
      en: (t: string) => `Waiting for your countersignature: ${t}`,
    },
    body: {
      'zh-CN': () => '超过会签金额的支出，须经业主监督委员会会签后才能支付。',
      en: () => 'Above the threshold, an expense is paid once the supervisory committee countersigns it.',
    },
    action: { 'zh-CN': '去会签', en: 'Countersign' },
  },
  review: {
    title: { 'zh-CN': (p: string) => `待审核账目：${p}`, en: (p: string) => `Books to review: ${p}` },
    body: {
      'zh-CN': '该月已结账，请业主监督委员会审核。',
      en: 'The month is closed; the supervisory committee reviews it.',
    },
    action: { 'zh-CN': '去审核', en: 'Review' },
  },
  filing: {
    title: { 'zh-CN': (d: string) => `业主委员会备案：${d} 前完成`, en: (d: string) => `Committee filing due ${d}` },
    body: {
      'zh-CN': '选举产生后30日内，须向区住房城乡建设部门和街道办事处备案。',
      en: 'Within 30 days of the election, the committee files with the district housing authority and the street office.',
    },
    action: { 'zh-CN': '记录备案', en: 'Record the filing' },
  },
  firstMeeting: {
    title: { 'zh-CN': (d: string) => `首次业主大会：${d} 前召开`, en: (d: string) => `First owners’ meeting due ${d}` },
    body: {
      'zh-CN': '筹备组成立后90日内应组织召开首次业主大会。',
      en: 'The first owners’ meeting is held within 90 days of forming the preparatory group.',
    },
    action: { 'zh-CN': '查看', en: 'View' },
  },
} as const;

/** The end of an ISO date in China, as a timestamp (a to-do's deadline). */
const endOf = (isoDate: string) => `${addDays(isoDate, 1)}T00:00:00+08:00`;

/**
 * The owners' bodies' part of a person's to-do list, in each neighbourhood they belong to: expenses waiting for their
 * signature or countersignature and closed months waiting for their review (for seated members), and for admins the
 * committee's 备案 and the first meeting's deadline once they are a week away or past.
 */
export async function governanceTodos(
  deps: { db: Database; clock: { now(): Date } },
  person: { id: string },
  memberships: { tenant: { id: string; slug: string; name: string }; roles: TenantRole[] }[],
  locale: Locale,
): Promise<TodoItem[]> {
  const today = beijingDate(deps.clock.now());
  const items: TodoItem[] = [];
  for (const { tenant, roles } of memberships) {
    const neighbourhood = { slug: tenant.slug, name: tenant.name };
    const base = `/n/${encodeURIComponent(tenant.slug)}`;
    await withTenantReadOnly(deps.db, tenant.id, async (tx) => {
      const c = schema.committeeMembers;
      const seats = await tx
        .select({ body: c.body })
        .from(c)
        .where(and(eq(c.userId, person.id), isNull(c.leftOn)));
      const sits = (body: string) => seats.some((s) => s.body === body);
      if (seats.length) {
        const x = schema.ledgerExpenses;
        const s = schema.ledgerExpenseSignatures;
        const open = await tx
          .select({
            id: x.id,
            title: x.title,
            proposedBy: x.proposedBy,
            countersignNeeded: x.countersignNeeded,
            proposer: schema.members.displayName,
          })
          .from(x)
          .leftJoin(schema.members, eq(schema.members.userId, x.proposedBy))
          .where(eq(x.status, 'proposed'));
        const signed = await tx.select({ expenseId: s.expenseId, body: s.body }).from(s).where(eq(s.userId, person.id));
        const hasSigned = (id: string, body: string) => signed.some((g) => g.expenseId === id && g.body === body);
        for (const e of open) {
          const link = `${base}/ledger/expenses/${e.id}`;
          if (sits('committee') && e.proposedBy !== person.id && !hasSigned(e.id, 'committee'))
            items.push(todo('ledger.sign', WORDS.sign, e.title, WORDS.sign.body[locale](e.proposer ?? ''), link));
          if (sits('supervisory') && e.countersignNeeded && !hasSigned(e.id, 'supervisory'))
            items.push(todo('ledger.countersign', WORDS.countersign, e.title, WORDS.countersign.body[locale](), link));
        }
        if (sits('supervisory')) {
          const p = schema.ledgerPeriods;
          const waiting = await tx
            .select({ period: p.period })
            .from(p)
            .where(and(isNotNull(p.closedAt), isNull(p.reviewedAt)));
          for (const w of waiting)
            items.push(todo('ledger.review', WORDS.review, w.period, WORDS.review.body[locale], `${base}/ledger`));
        }
      }
      if (roles.includes('admin')) {
        const { preparatory, term } = await governance(tx, today);
        const soon = (due: string) => addDays(today, 7) >= due;
        if (term && !term.filedOn && soon(term.filingDue))
          items.push({
            ...todo('governance.filing', WORDS.filing, term.filingDue, WORDS.filing.body[locale], `${base}/committee`),
            due: endOf(term.filingDue),
          });
        if (preparatory && soon(preparatory.firstMeetingDue))
          items.push({
            ...todo(
              'governance.first_meeting',
              WORDS.firstMeeting,
              preparatory.firstMeetingDue,
              WORDS.firstMeeting.body[locale],
              `${base}/committee`,
            ),
            due: endOf(preparatory.firstMeetingDue),
          });
      }
    });

    function todo(
      kind: string,
      words: { title: Record<Locale, (s: string) => string>; action: Record<Locale, string> },
      subject: string,
      body: string,
      link: string,
    ): TodoItem {
      return {
        kind: `core.${kind}`,
        title: words.title[locale](subject),
        body,
        link,
        action: words.action[locale],
        due: null,
        urgent: true,
        neighbourhood,
      };
    }
  }
  return items;
}
