import { dayLabel } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { and, eq, like } from 'drizzle-orm';
import { addDays } from '../calendar/index.ts';
import type { NotificationOutbox } from '../notifications/index.ts';
import { neighbourhoodPath } from '../notifications/neighbourhood-path.ts';

/** A deadline of the owners' bodies: the 筹备组's first meeting, a term's 备案, a term's end. */
export interface Deadline {
  /** What it is about and which one (`first-meeting:<group id>`): the reminders' keys, and what cancels them. */
  subject: string;
  due: string;
  /** Days before `due` to remind (the day after it, a missed deadline is urgent and texted). */
  before: readonly number[];
  what: { 'zh-CN': string; en: string };
  roles: readonly string[];
  path: string;
}

const MORNING = 'T01:00:00Z'; // 09:00 in Beijing

/**
 * Schedules a deadline's reminders as notifications due later: some days before it, and the day after it if it was
 * missed. Reminders whose day has passed are not sent late; the one for a missed deadline is (a term recorded after
 * its 备案 was due learns at once that it is overdue). Cancelled with the deadline when it is met.
 */
export async function scheduleReminders(
  tx: Tx,
  tenantId: string,
  notifications: NotificationOutbox,
  deadline: Deadline,
  now: Date,
) {
  const link = await neighbourhoodPath(tx, tenantId, deadline.path);
  const audience = { roles: [...deadline.roles] };
  for (const days of deadline.before) {
    const at = new Date(`${addDays(deadline.due, -days)}${MORNING}`);
    if (at <= now) continue;
    await notifications.send(
      tx,
      tenantId,
      'core',
      {
        kind: 'governance.deadline',
        key: `governance.deadline:${deadline.subject}:${days}`,
        audience,
        title: {
          'zh-CN': `${deadline.what['zh-CN']}还有 ${days} 天到期`,
          en: `${deadline.what.en}: ${days} days left`,
        },
        body: { 'zh-CN': `截止日期：${deadline.due}。`, en: `Due on ${dayLabel(deadline.due, 'en')}.` },
        link,
        notBefore: at,
      },
      now,
    );
  }
  await notifications.send(
    tx,
    tenantId,
    'core',
    {
      kind: 'governance.overdue',
      key: `governance.deadline:${deadline.subject}:overdue`,
      audience,
      title: { 'zh-CN': `${deadline.what['zh-CN']}已逾期`, en: `${deadline.what.en}: overdue` },
      body: {
        'zh-CN': `截止日期为 ${deadline.due}，请尽快办理；街道和社区也会看到逾期提示。`,
        en: `It was due on ${dayLabel(deadline.due, 'en')}. The street office and the community see it flagged too.`,
      },
      link,
      notBefore: new Date(`${addDays(deadline.due, 1)}${MORNING}`),
    },
    now,
  );
}

/** The deadline was met (or no longer applies): its reminders not yet sent are withdrawn. */
export async function cancelReminders(tx: Tx, subject: string) {
  const n = schema.notificationCauses;
  await tx.delete(n).where(and(like(n.key, `core:governance.deadline:${subject}:%`), eq(n.status, 'pending')));
}
