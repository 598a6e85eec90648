import { newId } from '@city/plugin-sdk/schema';
import type { PluginContext } from '@city/plugin-sdk/server';
import { eq } from 'drizzle-orm';
import type { ChoiceInput } from '../contracts.ts';
import { type ballots, meetings, type Channel } from '../schema.ts';
import { canonicalChoices, type EntryFacts } from './chain.ts';
import { fail } from './errors.ts';
import type { Meeting, Motion } from './meetings.ts';

export type Ballot = typeof ballots.$inferSelect;

/**
 * Checks a ballot paper against the agenda: every motion answered once; a motion takes agree/oppose/abstain (or 废票
 * on paper), an election the chosen candidates (at most its seats) or 废票 on paper. Returns the choices in agenda order.
 */
export function checkChoices(agenda: Motion[], choices: readonly ChoiceInput[], paper: boolean): ChoiceInput[] {
  const byMotion = new Map(choices.map((c) => [c.motionId, c]));
  if (byMotion.size !== choices.length) throw fail('choice_invalid');
  if (byMotion.size !== agenda.length || agenda.some((m) => !byMotion.has(m.id))) throw fail('choices_incomplete');
  for (const motion of agenda) {
    const answer = byMotion.get(motion.id)!;
    if ('choice' in answer) {
      const allowed = answer.choice === 'invalid' ? paper : motion.kind === 'motion';
      if (!allowed) throw fail('choice_invalid');
    } else {
      if (motion.kind !== 'election') throw fail('choice_invalid');
      const known = new Set(motion.candidates.map((c) => c.id));
      const chosen = new Set(answer.candidateIds);
      if (chosen.size !== answer.candidateIds.length || answer.candidateIds.some((id) => !known.has(id)))
        throw fail('choice_invalid');
      if (chosen.size > (motion.seats ?? 0)) throw fail('too_many_candidates');
    }
  }
  return canonicalChoices(
    choices,
    agenda.map((m) => m.id),
  );
}

/**
 * The meeting, held open for this transaction: FOR KEY SHARE lets paper entries proceed side by side, but the count
 * (FOR UPDATE) waits for them and they for it, so no ballot lands after the count. A group of online ballots holds it
 * FOR NO KEY UPDATE instead, which is also the chain's lock.
 */
export async function holdOpen(
  ctx: PluginContext<unknown>,
  meetingId: string,
  online: boolean,
  lock: 'key share' | 'no key update' = 'key share',
): Promise<Meeting> {
  const [meeting] = await ctx.db.select().from(meetings).where(eq(meetings.id, meetingId)).for(lock);
  if (!meeting || meeting.status === 'draft') throw fail('meeting_missing');
  if (meeting.status !== 'open') throw fail('not_open');
  if (online && ctx.now() >= meeting.closesAt) throw fail('voting_ended');
  return meeting;
}

/** An accepted ballot as it is written; the chain takes it in at the next sealing. */
export function acceptedBallot(ctx: PluginContext<unknown>, facts: EntryFacts, extra: Partial<Ballot> = {}) {
  return {
    id: newId(),
    tenantId: ctx.tenant.id,
    ...extra,
    meetingId: facts.meetingId,
    rollOwnerId: facts.rollOwnerId,
    channel: facts.channel as Channel,
    status: 'accepted' as const,
    choices: facts.choices as unknown as Record<string, unknown>,
    receipt: facts.receipt,
    paperRef: facts.paperRef,
    proxyName: facts.proxyName,
    proxyAuthorisation: facts.proxyAuthorisation,
    supersedes: facts.supersedes,
    createdAt: facts.acceptedAt,
    acceptedAt: facts.acceptedAt,
  };
}
