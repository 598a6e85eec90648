import { PluginError } from '@city/plugin-sdk';
import {
  anyOf,
  isUniqueViolation,
  type GroupItem,
  type GroupWork,
  type PluginActor,
  type PluginContext,
} from '@city/plugin-sdk/server';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { ChoiceInput } from '../contracts.ts';
import { ballots, rollOwners } from '../schema.ts';
import { acceptedBallot, ballotPapers, checkChoices, holdOpen, type Ballot } from './ballot-rules.ts';
import { chainEntries, moveTip, sealPending, withSeal, writeEntries, type Sealed } from './ballot-sealing.ts';
import { receiptCode } from './receipts.ts';
import { fail } from './errors.ts';
import { motionsOf, type Meeting } from './meeting-rows.ts';

/** A refusal in the plugin's words (answered to that item), as opposed to a fault (which fails the group). */
const isPluginError = (error: unknown): error is PluginError => error instanceof PluginError;

interface OnlineBallot {
  meetingId: string;
  rollOwnerId: string;
  choices: ChoiceInput[];
  idempotencyKey: string | null;
}

type CastResult = { ballot: Ballot; replayed: boolean };

/** Earlier ballots that decide what each new one is: the owners' live ballots, and earlier requests with the same keys. */
async function earlierBallots(
  ctx: PluginContext<unknown>,
  meetingId: string,
  wanted: ReadonlyArray<{ actorId: string; rollOwnerId: string; key: string | null }>,
) {
  const keyed = wanted.filter((w) => w.key !== null);
  // Two lookups, each along its own unique index (one OR would scan the meeting's ballots).
  const live = ctx.db
    .select()
    .from(ballots)
    .where(
      and(
        eq(ballots.meetingId, meetingId),
        anyOf(
          ballots.rollOwnerId,
          wanted.map((w) => w.rollOwnerId),
        ),
        inArray(ballots.status, ['pending', 'accepted']),
      ),
    );
  // The members' ballots in this meeting (a few each), narrowed to the (member, key) pairs in settle(): a second
  // `= any` list, on the keys, would make Postgres 15 search the index for every member × every key.
  const repeats = ctx.db
    .select()
    .from(ballots)
    .where(and(eq(ballots.meetingId, meetingId), anyOf(ballots.castBy, [...new Set(keyed.map((w) => w.actorId))])));
  const found = keyed.length ? await unionAll(live, repeats) : await live;
  return [...new Map(found.map((b) => [b.id, b])).values()];
}

/** Of the earlier ballots: a repeat of this request (same member and key), and this counting owner's live ballot. */
function settle(found: readonly Ballot[], actorId: string, rollOwnerId: string, key: string | null) {
  const repeat = key ? found.find((b) => b.castBy === actorId && b.idempotencyKey === key) : undefined;
  // The same key for another counting owner is a different request, not a repeat: refuse it rather than answer
  // with someone else's receipt.
  if (repeat && repeat.rollOwnerId !== rollOwnerId) throw fail('idempotency_mismatch');
  return { repeat, live: found.find((b) => b.rollOwnerId === rollOwnerId && b.status !== 'superseded') };
}

type Checked = { at: number; actor: PluginActor; rollOwnerId: string; choices: ChoiceInput[]; key: string | null };
type Outcomes = Array<CastResult | Error | undefined>;
type FreshRow = ReturnType<typeof onlineRow>;

/** Runs `fn`; a refusal in the plugin's words becomes the item's outcome, anything else fails the group. */
async function refusing(outcomes: Outcomes, at: number, fn: () => unknown) {
  try {
    await fn();
  } catch (error) {
    if (!isPluginError(error)) throw error;
    outcomes[at] = error;
  }
}

/** The agenda a ballot of this open meeting is checked against: fixed from the announcement on, so read once. */
const openAgenda = (ctx: PluginContext<unknown>, meetingId: string) =>
  ctx.remember(`agenda:${meetingId}`, () => motionsOf(ctx, meetingId));

/** Each item checked on the frozen roll (a voter of that counting owner) and its choices on the agenda. */
async function checkItems(
  ctx: PluginContext<unknown>,
  meetingId: string,
  items: ReadonlyArray<GroupItem<OnlineBallot>>,
  outcomes: Outcomes,
) {
  const agenda = await openAgenda(ctx, meetingId);
  const ids = [...new Set(items.map((i) => i.input.rollOwnerId))];
  const owners = await ctx.db
    .select({ id: rollOwners.id, voterOwnerIds: rollOwners.voterOwnerIds })
    .from(rollOwners)
    .where(and(eq(rollOwners.meetingId, meetingId), anyOf(rollOwners.id, ids)));
  const roll = new Map(owners.map((o) => [o.id, o]));
  const paperOf = await ballotPapers(ctx, meetingId, agenda, ids);
  const checked: Checked[] = [];
  for (const [at, { actor, input }] of items.entries()) {
    await refusing(outcomes, at, async () => {
      const owner = roll.get(input.rollOwnerId);
      if (!owner) throw fail('ballot_missing');
      const mine = new Set(await ctx.registry.ownerIdsOf(actor.id));
      if (!owner.voterOwnerIds.some((id) => mine.has(id))) throw fail('not_a_voter');
      checked.push({
        at,
        actor,
        rollOwnerId: owner.id,
        choices: checkChoices(paperOf(owner.id), input.choices, false),
        key: input.idempotencyKey,
      });
    });
  }
  return checked;
}

/**
 * Writes the group's fresh ballots (the meeting held with the chain's lock), sealed as they are written, after any
 * stragglers (paper confirmations no one has sealed yet). Returns the chain's tip before and after, and the ballots
 * written.
 */
async function appendFresh(ctx: PluginContext<unknown>, meeting: Meeting, fresh: readonly FreshRow[]) {
  const meetingId = meeting.id;
  const before = { head: meeting.chainHead!, seq: meeting.ballotSeq, salt: meeting.rollSalt! };
  const { tip: start } = await sealPending(ctx, meetingId, before);
  const chained = chainEntries(start, fresh);
  const written = await insertSealed(ctx, meetingId, fresh, chained.entries);
  const inserted = new Map(
    fresh.flatMap((row, i) => (written.has(row.id) ? [[row.id, ballotOf(row, chained.entries[i]!)] as const] : [])),
  );
  if (written.size === fresh.length) return { before, tip: chained.tip, inserted };
  // A concurrent writer (a paper entry) took an owner first: the rows written are chained again without the gap.
  const again = chainEntries(start, [...inserted.values()]);
  await writeEntries(ctx, again.entries);
  for (const e of again.entries)
    inserted.set(e.id, { ...inserted.get(e.id)!, seq: e.seq, prevHash: e.prev, entryHash: e.hash });
  return { before, tip: again.tip, inserted };
}

/**
 * Owners' ballots sent online (the API's POST …/ballots), grouped per meeting: the meeting held open once, each
 * caller checked, then the new ballots written in one statement, already in the chain. A repeat with the same
 * Idempotency-Key gets the first ballot; a second ballot for a counting owner is refused, or replaces the first where
 * the meeting allows changes; those, and anything a concurrent writer got to first, are settled one by one after the
 * group's insert. The partial unique index stops two ballots for one counting owner counting, whichever way they come.
 */
export const onlineBallots: GroupWork<unknown, OnlineBallot, CastResult> = {
  key: (ballot) => ballot.meetingId,
  async run(ctx, items) {
    const meetingId = items[0]!.input.meetingId;
    let meeting: Meeting;
    try {
      // Held with the chain's lock for the whole group: its ballots are written already sealed.
      meeting = await holdOpen(ctx, meetingId, true, 'no key update');
    } catch (error) {
      if (!isPluginError(error)) throw error;
      return items.map(() => error);
    }
    const outcomes: Outcomes = new Array(items.length);
    const checked = await checkItems(ctx, meetingId, items, outcomes);
    const found = checked.length
      ? await earlierBallots(
          ctx,
          meetingId,
          checked.map((c) => ({ actorId: c.actor.id, rollOwnerId: c.rollOwnerId, key: c.key })),
        )
      : [];
    // The usual case, written together: a first ballot for a counting owner (and key) no other item of the group names.
    const fresh: Array<Checked & { row: FreshRow }> = [];
    const later: Checked[] = [];
    const claimed = new Set<string>();
    const keys = new Set<string>();
    for (const item of checked) {
      await refusing(outcomes, item.at, () => {
        const { repeat, live } = settle(found, item.actor.id, item.rollOwnerId, item.key);
        const key = item.key === null ? null : `${item.actor.id} ${item.key}`;
        if (repeat) outcomes[item.at] = { ballot: repeat, replayed: true };
        else if (live || claimed.has(item.rollOwnerId) || (key && keys.has(key))) later.push(item);
        else {
          claimed.add(item.rollOwnerId);
          if (key) keys.add(key);
          fresh.push({
            ...item,
            row: onlineRow(ctx, item.actor.id, {
              meetingId,
              rollOwnerId: item.rollOwnerId,
              choices: item.choices,
              key: item.key,
              supersedes: null,
            }),
          });
        }
      });
    }
    const appended = await appendFresh(
      ctx,
      meeting,
      fresh.map((f) => f.row),
    );
    let tip = appended.tip;
    for (const f of fresh) {
      const ballot = appended.inserted.get(f.row.id);
      if (ballot) outcomes[f.at] = { ballot, replayed: false };
      else later.push(f);
    }
    let changed = false;
    for (const item of later.sort((a, b) => a.at - b.at)) {
      await refusing(outcomes, item.at, async () => {
        const outcome = await castOnline(ctx, item.actor, meeting, item);
        changed ||= !outcome.replayed;
        outcomes[item.at] = outcome;
      });
    }
    // Changes and late arrivals were written without a seq: they join the chain before the lock is let go.
    let sealed: Sealed = new Map();
    if (changed) ({ tip, sealed } = await sealPending(ctx, meetingId, tip));
    if (tip.seq !== appended.before.seq) await moveTip(ctx, meetingId, tip);
    return outcomes.map((o) =>
      o && !(o instanceof Error) && !o.replayed ? { ballot: withSeal(o.ballot, sealed), replayed: false } : o!,
    );
  },
};

/**
 * Writes a group's new online ballots, already chained, in one statement: one array parameter per column (a
 * statement with a parameter per value costs more to build and parse than to run). Returns the ids written; a row
 * whose owner a concurrent writer took is skipped — that index alone is checked before writing (naming no index
 * would probe every unique index of the table for every row). The group sends no repeated key, and a concurrent
 * repeat fails the group, whose items then go one by one.
 */
async function insertSealed(
  ctx: PluginContext<unknown>,
  meetingId: string,
  rows: readonly FreshRow[],
  entries: ReadonlyArray<{ seq: number; prev: string; hash: string }>,
) {
  if (!rows.length) return new Set<string>();
  const column = <T>(pick: (row: FreshRow, i: number) => T) => sql.param(rows.map(pick));
  const result = await ctx.db.execute(sql`
    insert into ${ballots} (id, tenant_id, meeting_id, roll_owner_id, channel, status, choices, nonce, receipt, cast_by, idempotency_key, created_at, accepted_at, seq, prev_hash, entry_hash)
    select v.id, ${ctx.tenant.id}, ${meetingId}, v.roll_owner_id, 'online', 'accepted', v.choices, v.nonce, v.receipt, v.cast_by, v.idempotency_key, v.accepted_at, v.accepted_at, v.seq, v.prev_hash, v.entry_hash
    from unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.rollOwnerId)}::uuid[], ${column((r) => JSON.stringify(r.choices))}::jsonb[],
      ${column((r) => r.nonce)}::text[], ${column((r) => r.receipt)}::text[], ${column((r) => r.castBy ?? null)}::uuid[], ${column((r) => r.idempotencyKey ?? null)}::text[],
      ${column((r) => r.acceptedAt.toISOString())}::timestamptz[],
      ${column((_, i) => entries[i]!.seq)}::integer[], ${column((_, i) => entries[i]!.prev)}::text[], ${column((_, i) => entries[i]!.hash)}::text[])
      as v(id, roll_owner_id, choices, nonce, receipt, cast_by, idempotency_key, accepted_at, seq, prev_hash, entry_hash)
    on conflict (meeting_id, roll_owner_id) where status in ('pending', 'accepted') do nothing
    returning id`);
  // Both drivers answer { rows }; the plugin's database type leaves the result's shape to the driver.
  return new Set((result as { rows: Array<{ id: string }> }).rows.map((r) => r.id));
}

/** A ballot this group wrote, as the database now holds it (read back from what was sent, not fetched again). */
const ballotOf = (row: FreshRow, entry: { seq: number; prev: string; hash: string }): Ballot => ({
  enteredBy: null,
  enteredByName: null,
  confirmedBy: null,
  confirmedByName: null,
  ...row,
  castBy: row.castBy ?? null,
  idempotencyKey: row.idempotencyKey ?? null,
  seq: entry.seq,
  prevHash: entry.prev,
  entryHash: entry.hash,
});

/** An online ballot as it is written: accepted at once. */
function onlineRow(
  ctx: PluginContext<unknown>,
  actorId: string,
  b: { meetingId: string; rollOwnerId: string; choices: ChoiceInput[]; key: string | null; supersedes: string | null },
) {
  const facts = {
    meetingId: b.meetingId,
    rollOwnerId: b.rollOwnerId,
    receipt: receiptCode(),
    channel: 'online' as const,
    choices: b.choices,
    acceptedAt: ctx.now(),
    supersedes: b.supersedes,
  };
  return acceptedBallot(ctx, facts, { castBy: actorId, idempotencyKey: b.key });
}

/**
 * One online ballot whose owner already has a live one (or another item of its group named the same owner): looked
 * up again, it is a repeat, a refusal, or — where the meeting allows changes — a replacement. `meeting` is held open.
 */
async function castOnline(
  ctx: PluginContext<unknown>,
  actor: PluginActor,
  meeting: Meeting,
  input: { rollOwnerId: string; choices: ChoiceInput[]; key: string | null },
): Promise<CastResult> {
  const { rollOwnerId, key } = input;
  const earlier = () => earlierBallots(ctx, meeting.id, [{ actorId: actor.id, rollOwnerId, key }]);
  const before = settle(await earlier(), actor.id, rollOwnerId, key);
  if (before.repeat) return { ballot: before.repeat, replayed: true };
  if (before.live?.status === 'pending') throw fail('ballot_pending');
  if (before.live && !meeting.allowChange) throw fail('already_voted');

  const row = onlineRow(ctx, actor.id, {
    meetingId: meeting.id,
    rollOwnerId,
    choices: input.choices,
    key,
    supersedes: before.live?.receipt ?? null,
  });
  let inserted: Ballot | undefined;
  if (before.live) {
    // A change: the old ballot is marked replaced and the new one written together, or neither (a savepoint).
    try {
      inserted = await ctx.db.transaction(async () => {
        await ctx.db
          .update(ballots)
          .set({ status: 'superseded' })
          .where(and(eq(ballots.id, before.live!.id), eq(ballots.status, 'accepted')));
        return (await ctx.db.insert(ballots).values(row).returning())[0];
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  } else {
    [inserted] = await ctx.db.insert(ballots).values(row).onConflictDoNothing().returning();
  }
  if (inserted) return { ballot: inserted, replayed: false };
  const after = settle(await earlier(), actor.id, rollOwnerId, key);
  if (after.repeat) return { ballot: after.repeat, replayed: true };
  throw fail(after.live?.status === 'pending' ? 'ballot_pending' : 'already_voted');
}
