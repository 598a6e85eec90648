import { sha256Hex } from '@city/plugin-sdk/hashing';
import type { PluginContext } from '@city/plugin-sdk/server';
import { and, eq } from 'drizzle-orm';
import { rollAnnouncements, rollOwners, rollUnits, type AnnouncedUnits, type RollChange } from '../schema.ts';
import type { Meeting } from './meeting-rows.ts';
import { committedRoll, currentRoll } from './roll.ts';
import { rollChangesNotice } from './texts.ts';

/**
 * A counting owner's key in 16 hex digits: enough to tell whether a unit's counting owner changed (a collision is a
 * 1-in-2⁶⁴ chance per unit), and what keeps the announced roll of 20,000 units near 1.5 MB.
 */
const digest = (key: string) => sha256Hex(key).slice(0, 16);

/**
 * The roll at the announcement (docs/domain.md §2.3): grouped now by the code that freezes it at opening, nothing
 * frozen. Its totals and commitment (under the meeting's pseudonym key, `salt`, kept for opening) go on the notice and
 * the meeting; each unit's counting area and counting owner (digested) are kept, so that opening can list the units
 * that changed in between.
 */
export async function announceRoll(ctx: PluginContext<unknown>, meetingId: string, salt: string, at: Date) {
  const current = await currentRoll(ctx);
  const { registry, grouped } = current;
  const area = new Map(registry.map((u) => [u.id, u.countingArea!]));
  const units: AnnouncedUnits = {};
  for (const owner of grouped.owners) {
    const key = digest(owner.key);
    const voters = digest(owner.voterOwnerIds.join(','));
    for (const unitId of owner.unitIds) units[unitId] = [area.get(unitId)!, key, voters];
  }
  await ctx.db.insert(rollAnnouncements).values({ tenantId: ctx.tenant.id, meetingId, takenAt: at, units });
  const { total, commitment } = committedRoll(meetingId, salt, current);
  return { ...total, commitment };
}

/**
 * Each unit of the frozen roll against the roll as announced: the units whose counting owner, area or voters (a
 * co-owned unit's designated voter) differ — each of them changes the roll's commitment.
 */
async function changesSince(ctx: PluginContext<unknown>, meetingId: string, announced: AnnouncedUnits) {
  const frozen = await ctx.db
    .select({
      unitId: rollUnits.unitId,
      address: rollUnits.room,
      area: rollUnits.area,
      key: rollOwners.key,
      voters: rollOwners.voterOwnerIds,
    })
    .from(rollUnits)
    .innerJoin(rollOwners, eq(rollOwners.id, rollUnits.rollOwnerId))
    .where(eq(rollUnits.meetingId, meetingId));
  const changes: RollChange[] = [];
  const digests = new Map<string, string>();
  const seen = new Set<string>();
  for (const unit of frozen) {
    seen.add(unit.unitId);
    const before = announced[unit.unitId];
    const change = { unitId: unit.unitId, address: unit.address, areaAfter: unit.area, records: [] };
    if (!before) {
      changes.push({ ...change, what: 'added', areaBefore: null });
      continue;
    }
    let key = digests.get(unit.key);
    if (key === undefined) digests.set(unit.key, (key = digest(unit.key)));
    const owners = before[1] !== key;
    const area = before[0] !== unit.area;
    // Rolls announced before voters were kept have nothing to compare them with.
    const voters = !owners && before[2] !== undefined && before[2] !== digest(unit.voters.join(','));
    if (owners || area || voters)
      changes.push({
        ...change,
        what: owners && area ? 'owners_and_area' : owners ? 'owners' : area ? 'area' : 'voters',
        areaBefore: before[0],
      });
  }
  for (const [unitId, [area]] of Object.entries(announced))
    if (!seen.has(unitId))
      changes.push({ unitId, address: null, what: 'removed', areaBefore: area, areaAfter: null, records: [] });
  return changes.sort((a, b) => (a.address ?? '\uffff').localeCompare(b.address ?? '\uffff', 'zh-CN'));
}

/**
 * At opening, once the roll is frozen: lists the units whose counting owner or counting area changed in the registry
 * since the announcement, each with what the registry recorded about it (the reason given for an owner change, an
 * import, a merge of owner records), keeps the list on the meeting's record and publishes it on the 公示 board with the
 * frozen roll's totals. Meetings announced before the roll was kept at announcement have nothing to compare.
 */
export async function publishRollChanges(ctx: PluginContext<unknown>, meeting: Meeting) {
  const [announced] = await ctx.db
    .select()
    .from(rollAnnouncements)
    .where(and(eq(rollAnnouncements.tenantId, ctx.tenant.id), eq(rollAnnouncements.meetingId, meeting.id)));
  if (!announced || meeting.rollArea === null || meeting.rollCount === null || !meeting.openedAt) return;
  const changes = await changesSince(ctx, meeting.id, announced.units);
  if (changes.length) {
    const records = Map.groupBy(
      await ctx.registry.unitChanges(
        changes.map((c) => c.unitId),
        announced.takenAt,
      ),
      (r) => r.unitId,
    );
    for (const change of changes)
      change.records = (records.get(change.unitId) ?? []).map(({ kind, reason }) => ({ kind, reason }));
  }
  const notice = await ctx.notices.publish({
    category: 'disclosure',
    title: `业主名册冻结公示：${meeting.title}`.slice(0, 120),
    body: rollChangesNotice(
      { title: meeting.title, announcedAt: announced.takenAt, openedAt: meeting.openedAt },
      meeting.announcedRollArea !== null && meeting.announcedRollCount !== null
        ? { area: meeting.announcedRollArea, count: meeting.announcedRollCount, commitment: meeting.announcedRollHash }
        : null,
      { area: meeting.rollArea, count: meeting.rollCount, commitment: meeting.rollHash ?? '' },
      changes,
    ),
    attachments: [],
    audience: 'public',
    buildingId: null,
    pinned: false,
    publishAt: null,
    expiresAt: meeting.closesAt.toISOString(),
  });
  await ctx.db
    .update(rollAnnouncements)
    .set({ changes, changesNoticeId: notice.id })
    .where(and(eq(rollAnnouncements.tenantId, ctx.tenant.id), eq(rollAnnouncements.meetingId, meeting.id)));
  await ctx.audit.append({
    action: 'roll_changes_published',
    targetType: 'voting_meeting',
    targetId: meeting.id,
    details: { noticeId: notice.id, changes: changes.length },
  });
}
