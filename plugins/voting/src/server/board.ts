import type { PluginContext } from '@city/plugin-sdk/server';
import { thresholdOf, type MatterType } from '@city/plugin-sdk/voting';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import {
  BOARD_FORMAT,
  keyedId,
  type Answer,
  type Board,
  type BoardEntry,
  type BoardMotion,
  type BoardOwner,
  type BoardTerms,
  type MotionResult,
} from '../board/index.ts';
import { ballots, rollOwners, rollUnits } from '../schema.ts';
import { entryFacts } from './ballot-sealing.ts';
import { motionsOf, type Meeting, type Motion } from './meeting-rows.ts';

/** A motion as the board and the chain's start name it. */
export const boardMotion = (m: Motion): BoardMotion => ({
  id: m.id,
  position: m.position,
  title: m.title,
  kind: m.kind,
  threshold: thresholdOf(m.matterType as MatterType),
  seats: m.seats,
  candidates: m.candidates.map((c) => c.id),
  scope: m.scope ?? null,
});

/** What the meeting fixed before its first ballot: its window and its agenda. */
export const meetingTerms = (meeting: Meeting, agenda: readonly Motion[]): BoardTerms => ({
  meetingId: meeting.id,
  opensAt: meeting.opensAt.toISOString(),
  closesAt: meeting.closesAt.toISOString(),
  motions: agenda.map(boardMotion),
});

/**
 * The frozen roll as the board publishes it: counting owners under their roll ids, units and voters under the
 * meeting's pseudonyms, rooms only where the meeting's disclosure level shows them.
 */
export async function boardOwners(ctx: PluginContext<unknown>, meeting: Meeting): Promise<BoardOwner[]> {
  const salt = meeting.rollSalt ?? '';
  const [owners, units] = [
    await ctx.db
      .select({ id: rollOwners.id, kind: rollOwners.kind, area: rollOwners.area, voters: rollOwners.voterOwnerIds })
      .from(rollOwners)
      .where(eq(rollOwners.meetingId, meeting.id))
      .orderBy(asc(rollOwners.id)),
    await ctx.db
      .select({
        owner: rollUnits.rollOwnerId,
        unitId: rollUnits.unitId,
        building: rollUnits.buildingId,
        area: rollUnits.area,
        room: rollUnits.room,
      })
      .from(rollUnits)
      .where(eq(rollUnits.meetingId, meeting.id)),
  ];
  const rooms = meeting.disclosure !== 'hidden';
  const byOwner = Map.groupBy(units, (u) => u.owner);
  return owners.map((o) => ({
    id: o.id,
    kind: o.kind,
    area: o.area,
    headcount: 1,
    units: (byOwner.get(o.id) ?? []).map((u) => ({
      ref: keyedId(salt, u.unitId),
      building: u.building ?? '',
      area: u.area,
      ...(rooms ? { room: u.room } : {}),
    })),
    voters: o.voters.map((id) => keyedId(salt, id)),
  }));
}

/**
 * Chain entries as the stored ballots give them now, after entry `after` up to the head read with the meeting: each
 * entry's facts recomputed from its ballot (so a changed row shows as a broken hash) and — with `reveal` — each
 * accepted ballot's nonce and answers.
 */
export async function loadEntries(
  ctx: PluginContext<unknown>,
  meeting: Meeting,
  { after = 0, reveal = false }: { after?: number; reveal?: boolean } = {},
): Promise<BoardEntry[]> {
  const rows = await ctx.db
    .select()
    .from(ballots)
    .where(and(eq(ballots.meetingId, meeting.id), gt(ballots.seq, after), lte(ballots.seq, meeting.ballotSeq)))
    .orderBy(asc(ballots.seq));
  const salt = meeting.rollSalt ?? '';
  return rows.map((b) => {
    const facts = entryFacts(b, salt);
    return {
      seq: b.seq!,
      ...facts,
      prev: b.prevHash ?? '',
      hash: b.entryHash ?? '',
      ...(reveal && facts.kind === 'accepted'
        ? { reveal: { nonce: b.nonce ?? '', answers: b.choices as unknown as Answer[] } }
        : {}),
    };
  });
}

/** The meeting's bulletin board as its stored rows give it now (see `loadEntries`). */
export async function loadBoard(ctx: PluginContext<unknown>, meeting: Meeting, reveal: boolean): Promise<Board> {
  const agenda = await motionsOf(ctx, meeting.id);
  const owners = await boardOwners(ctx, meeting);
  const entries = await loadEntries(ctx, meeting, { reveal });
  const counted = meeting.status === 'closed';
  const buildings = await ctx.registry.buildings();
  const onRoll = new Set(owners.flatMap((o) => o.units.map((u) => u.building)));
  return {
    format: BOARD_FORMAT,
    neighbourhood: ctx.tenant.name,
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status, disclosure: meeting.disclosure },
    terms: meetingTerms(meeting, agenda),
    buildings: buildings.filter((b) => onRoll.has(b.id)),
    roll: {
      commitment: meeting.rollHash ?? '',
      total: { area: meeting.rollArea ?? 0, count: meeting.rollCount ?? 0 },
      owners,
      announced:
        meeting.announcedRollHash !== null && meeting.announcedRollArea !== null && meeting.announcedRollCount !== null
          ? {
              commitment: meeting.announcedRollHash,
              total: { area: meeting.announcedRollArea, count: meeting.announcedRollCount },
            }
          : null,
    },
    chain: { start: meeting.chainStart ?? '', head: meeting.chainHead ?? '', entries },
    totals: counted ? Object.fromEntries(agenda.map((m) => [m.id, m.result as MotionResult])) : null,
  };
}
