import type { PluginContext } from '@city/plugin-sdk/server';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { ReconciliationSchema } from '../contracts.ts';
import { ballots, sheetRefusals } from '../schema.ts';
import { holderKey } from './ballot-sealing.ts';
import type { Meeting } from './meeting-rows.ts';

export type Reconciliation = z.infer<typeof ReconciliationSchema>;

/**
 * Where the paper went (纸质票对账): sheets handed out and collected (as the tellers counted them), entered, waiting
 * for their second check, confirmed, rejected, 废票 as a whole, sheet numbers refused as repeats, and proxies per holder.
 */
export async function reconcile(ctx: PluginContext<unknown>, meeting: Meeting): Promise<Reconciliation> {
  const counted = sql`${ballots.status} in ('accepted', 'superseded')`;
  const [row] = await ctx.db
    .select({
      entered: sql<number>`count(*)`.mapWith(Number),
      pending: sql<number>`count(*) filter (where ${ballots.status} = 'pending')`.mapWith(Number),
      confirmed: sql<number>`count(*) filter (where ${counted} and not ${ballots.wholeInvalid})`.mapWith(Number),
      rejected: sql<number>`count(*) filter (where ${ballots.status} = 'rejected')`.mapWith(Number),
      invalid: sql<number>`count(*) filter (where ${counted} and ${ballots.wholeInvalid})`.mapWith(Number),
    })
    .from(ballots)
    .where(and(eq(ballots.meetingId, meeting.id), inArray(ballots.channel, ['paper', 'proxy'])));
  const [refused] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(sheetRefusals)
    .where(eq(sheetRefusals.meetingId, meeting.id));
  const held = await ctx.db
    .select({ name: ballots.proxyName })
    .from(ballots)
    .where(
      and(
        eq(ballots.meetingId, meeting.id),
        eq(ballots.channel, 'proxy'),
        inArray(ballots.status, ['pending', 'accepted']),
      ),
    );
  const holders = new Map<string, { holder: string; count: number }>();
  for (const { name } of held) {
    const key = holderKey(name ?? '');
    const entry = holders.get(key) ?? { holder: name ?? '', count: 0 };
    entry.count += 1;
    holders.set(key, entry);
  }
  return {
    issued: meeting.sheetsIssued,
    returned: meeting.sheetsReturned,
    entered: row?.entered ?? 0,
    pending: row?.pending ?? 0,
    confirmed: row?.confirmed ?? 0,
    rejected: row?.rejected ?? 0,
    invalid: row?.invalid ?? 0,
    duplicatesRefused: refused?.n ?? 0,
    proxies: [...holders.values()].sort((a, b) => b.count - a.count || a.holder.localeCompare(b.holder, 'zh-CN')),
  };
}

/** The reconciliation in words, for the printed result and the exports (Chinese, like every printout). */
export function reconciliationLines(r: Reconciliation, names: 'full' | 'masked'): string[] {
  const n = (v: number | null) => (v === null ? '未登记' : String(v));
  const holder = (name: string) => (names === 'full' ? name : `${[...name][0] ?? ''}*`);
  return [
    `发放 ${n(r.issued)} 张，回收 ${n(r.returned)} 张；录入 ${r.entered} 张，核对通过 ${r.confirmed} 张，整张废票 ${r.invalid} 张，退回 ${r.rejected} 张，待核对 ${r.pending} 张；重复编号被拒 ${r.duplicatesRefused} 次。`,
    r.proxies.length
      ? `委托投票：${r.proxies.map((p) => `${holder(p.holder)} 代理 ${p.count} 户`).join('，')}。`
      : '委托投票：无。',
  ];
}
