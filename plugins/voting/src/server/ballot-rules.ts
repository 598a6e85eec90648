import { newId } from '@city/plugin-sdk/schema';
import { anyOf, type PluginContext } from '@city/plugin-sdk/server';
import { and, eq } from 'drizzle-orm';
import type { ChoiceInput } from '../contracts.ts';
import { type ballots, meetings, rollUnits, type Channel } from '../schema.ts';
import { inScope, randomHex } from '../board/index.ts';
import { fail } from './errors.ts';
import type { Meeting, Motion } from './meeting-rows.ts';

export type Ballot = typeof ballots.$inferSelect;

/** Choices in one order (the agenda's) and one spelling, whatever order they were given or stored in. */
function canonicalChoices(choices: readonly ChoiceInput[], order: readonly string[]): ChoiceInput[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...choices]
    .sort((a, b) => (rank.get(a.motionId) ?? 0) - (rank.get(b.motionId) ?? 0))
    .map((c) =>
      'choice' in c
        ? { motionId: c.motionId, choice: c.choice }
        : { motionId: c.motionId, candidateIds: [...c.candidateIds].sort() },
    );
}

/**
 * The motions on each of these counting owners' ballots (docs/domain.md §1, scope): every motion of the whole
 * neighbourhood, and a scoped one where the owner holds a unit in one of its buildings.
 */
export async function ballotPapers(
  ctx: PluginContext<unknown>,
  meetingId: string,
  agenda: Motion[],
  rollOwnerIds: readonly string[],
): Promise<(rollOwnerId: string) => Motion[]> {
  if (!agenda.some((m) => m.scope) || !rollOwnerIds.length) return () => agenda;
  const units = await ctx.db
    .select({ owner: rollUnits.rollOwnerId, building: rollUnits.buildingId })
    .from(rollUnits)
    .where(and(eq(rollUnits.meetingId, meetingId), anyOf(rollUnits.rollOwnerId, [...rollOwnerIds])));
  const buildings = Map.groupBy(units, (u) => u.owner);
  return (rollOwnerId) =>
    agenda.filter((m) =>
      inScope(
        (buildings.get(rollOwnerId) ?? []).map((u) => u.building ?? ''),
        m.scope,
      ),
    );
}

/**
 * Checks a ballot paper against its motions (`ballotPapers`): every motion answered once; a motion takes agree/oppose/abstain (or 废票
 * on paper), an election the chosen candidates (at most its seats) or 废票 on paper. Returns the choices in agenda order.
 */
export function checkChoices(agenda: Motion[], choices: readonly ChoiceInput[], paper: boolean): ChoiceInput[] {
  const byMotion = new Map(choices.map((c) => [c.motionId, c]));
  const onPaper = new Set(agenda.map((m) => m.id));
  if (byMotion.size !== choices.length || choices.some((c) => !onPaper.has(c.motionId))) throw fail('choice_invalid');
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

/** What an accepted ballot records: who for, how, the answers, and what it replaces (a receipt code). */
export interface AcceptedFacts {
  meetingId: string;
  rollOwnerId: string;
  receipt: string;
  channel: Channel;
  choices: ChoiceInput[];
  acceptedAt: Date;
  supersedes: string | null;
}

/** An accepted ballot as it is written, with a fresh nonce for its choices' digest; the chain takes it in at the next sealing. */
export function acceptedBallot(ctx: PluginContext<unknown>, facts: AcceptedFacts, extra: Partial<Ballot> = {}) {
  return {
    id: newId(),
    tenantId: ctx.tenant.id,
    paperRef: null,
    proxyName: null,
    proxyAuthorisation: null,
    receivedAt: null,
    wholeInvalid: false,
    proxyDocumentId: null,
    ...extra,
    meetingId: facts.meetingId,
    rollOwnerId: facts.rollOwnerId,
    channel: facts.channel,
    status: 'accepted' as const,
    choices: facts.choices as unknown as Record<string, unknown>,
    nonce: randomHex(),
    receipt: facts.receipt,
    supersedes: facts.supersedes,
    createdAt: facts.acceptedAt,
    acceptedAt: facts.acceptedAt,
  };
}
