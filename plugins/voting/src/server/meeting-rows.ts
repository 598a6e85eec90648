import type { PluginContext } from '@city/plugin-sdk/server';
import { asc, eq, inArray } from 'drizzle-orm';
import { candidates, meetings, motions } from '../schema.ts';
import { fail } from './errors.ts';

export type Meeting = typeof meetings.$inferSelect;
export type Motion = typeof motions.$inferSelect & {
  candidates: Array<{ id: string; name: string; statement: string }>;
};
export async function loadMeeting(ctx: PluginContext<unknown>, id: string, lock = false): Promise<Meeting> {
  const query = ctx.db.select().from(meetings).where(eq(meetings.id, id));
  const [meeting] = lock ? await query.for('update') : await query;
  if (!meeting) throw fail('meeting_missing');
  return meeting;
}

export async function motionsOf(ctx: PluginContext<unknown>, meetingId: string): Promise<Motion[]> {
  const rows = await ctx.db
    .select()
    .from(motions)
    .where(eq(motions.meetingId, meetingId))
    .orderBy(asc(motions.position));
  const people = rows.length
    ? await ctx.db
        .select({
          id: candidates.id,
          motionId: candidates.motionId,
          name: candidates.name,
          statement: candidates.statement,
        })
        .from(candidates)
        .where(
          inArray(
            candidates.motionId,
            rows.map((m) => m.id),
          ),
        )
        .orderBy(asc(candidates.position))
    : [];
  const byMotion = Map.groupBy(people, (c) => c.motionId);
  return rows.map((m) => ({
    ...m,
    candidates: (byMotion.get(m.id) ?? []).map(({ id, name, statement }) => ({ id, name, statement })),
  }));
}
