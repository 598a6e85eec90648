import type { PluginContext } from '@city/plugin-sdk/server';
import { eq } from 'drizzle-orm';
import { chainStart, randomHex } from '../board/index.ts';
import { meetings } from '../schema.ts';
import { meetingTerms } from './board.ts';
import { motionsOf, type Meeting } from './meeting-rows.ts';
import { freezeRoll } from './roll.ts';

/**
 * Opens voting: the roll frozen under the pseudonym key chosen at the announcement (a fresh one for a meeting
 * announced before the key was), its commitment, and the chain's first link — the
 * commitment extended by the meeting's window and agenda, so nothing the count reads can change after the first
 * ballot without breaking every link.
 */
export async function openVoting(ctx: PluginContext<unknown>, meeting: Meeting, openedAt: Date): Promise<Meeting> {
  const salt = meeting.rollSalt ?? randomHex();
  const roll = await freezeRoll(ctx, meeting.id, salt);
  const start = chainStart(roll.commitment, meetingTerms(meeting, await motionsOf(ctx, meeting.id)));
  const [row] = await ctx.db
    .update(meetings)
    .set({
      status: 'open',
      openedAt,
      rollSalt: salt,
      rollHash: roll.commitment,
      rollArea: roll.total.area,
      rollCount: roll.total.count,
      chainStart: start,
      chainHead: start,
    })
    .where(eq(meetings.id, meeting.id))
    .returning();
  return row!;
}
