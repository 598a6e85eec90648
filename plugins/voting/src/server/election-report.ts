import { COMMITTEE_ELECTED_EVENT, type CommitteeElectedEvent } from '@city/contracts';
import type { PluginContext } from '@city/plugin-sdk/server';
import type { ElectionTally } from '@city/plugin-sdk/voting';
import { and, asc, eq } from 'drizzle-orm';
import { candidates, motions } from '../schema.ts';
import type { Meeting } from './meeting-rows.ts';

/**
 * Tells the core who the counted meeting elected to the committee, one event per election on its agenda: the core
 * keeps the result for the admin to link the elected to members (it never reads these tables). Emitted in the
 * transaction that closes the meeting, so it exists exactly when the count does.
 */
export async function reportElections(ctx: PluginContext<unknown>, meeting: Meeting, noticeId: string, closedAt: Date) {
  const elections = await ctx.db
    .select()
    .from(motions)
    .where(and(eq(motions.meetingId, meeting.id), eq(motions.kind, 'election')))
    .orderBy(asc(motions.position));
  for (const motion of elections) {
    const tally = motion.result as ElectionTally;
    const names = new Map(
      (await ctx.db.select().from(candidates).where(eq(candidates.motionId, motion.id))).map((c) => [c.id, c.name]),
    );
    const report: CommitteeElectedEvent = {
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      motionTitle: motion.title,
      byElection: motion.byElection,
      seats: tally.seats,
      closedAt: closedAt.toISOString(),
      elected: tally.elected.map((id) => ({ candidateId: id, name: names.get(id) ?? '' })),
      unfilled: tally.seats - tally.elected.length,
      noticeId,
    };
    await ctx.events.emit(COMMITTEE_ELECTED_EVENT, report);
  }
}
