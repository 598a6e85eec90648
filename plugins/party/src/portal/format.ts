import type { Contact, Kit, Leader, RegionOverview } from './types.ts';

/**
 * A person in charge's title with where they serve: 楼栋长, 2单元 单元长, 2单元 5层 楼层长. Entrances are named as the
 * registry has them ("2单元"); a building without entrances has one, unnamed.
 */
function roleOf(kit: Kit, leader: Pick<Leader, 'kind' | 'entrance' | 'floor'>) {
  const role = kit.t(`kind.${leader.kind}`);
  const floor = leader.floor === null ? '' : kit.t('place.floor', { floor: leader.floor });
  const where = [leader.entrance && kit.formatAddress(leader.entrance), floor].filter(Boolean).join(' ');
  return where ? kit.t('role.at', { where, role }) : role;
}

/** People to choose from, for a select. */
export const personOptions = (people: ReadonlyArray<{ userId: string; name: string }>) =>
  people.map((p) => ({ value: p.userId, label: p.name, named: true }));

/** A place to put someone in charge of, as one select's value: `<buildingId>/<entrance>` (no entrance: the building). */
export const placeValue = (buildingId: string, entrance = '') => `${buildingId}/${entrance}`;

export function placeFrom(value: string) {
  const at = value.indexOf('/');
  return at < 0
    ? { buildingId: value, entrance: '' }
    : { buildingId: value.slice(0, at), entrance: value.slice(at + 1) };
}

export const leaderContacts = (kit: Kit, leaders: readonly Leader[]): Contact[] =>
  leaders.map((l) => ({ key: l.id, name: l.name, detail: roleOf(kit, l), phone: l.phone, masked: l.phoneMasked }));

/** 社区党委 and 街道党工委 with their secretary, and the region each belongs to where the reader sees several. */
export const committeeContacts = (
  kit: Kit,
  committees: ReadonlyArray<RegionOverview['below'][number] | NonNullable<RegionOverview['committee']>>,
): Contact[] =>
  committees.map((c) => ({
    key: c.regionId,
    name: c.name,
    // Placeholders stay in the detail: the region's and the secretary's names fill them as user text.
    detail: ['regionName' in c ? '{region}' : '', c.secretary && kit.t('committee.secretary')]
      .filter(Boolean)
      .join(' · '),
    names: { region: 'regionName' in c ? c.regionName : '', name: c.secretary },
    phone: c.phone,
    // A committee's number is its office's, public like the 便民电话簿's: shown whole.
    masked: c.phone,
  }));

/** How each state reads at a glance (the shared Badge's tones). */
export const TONES = {
  commitment: { published: 'primary', claimed: 'warning', fulfilled: 'success', withdrawn: 'neutral' },
  activity: { planned: 'primary', held: 'success', cancelled: 'neutral' },
  duty: { todo: 'neutral', doing: 'warning', done: 'success' },
} as const;

/**
 * Files of the API the branch and region pages offer, for `kit.fileHref` (`?format=xlsx|csv|pdf`): the year's
 * assessment (member API) and the branches' figures (region API).
 */
export const EXPORTS = {
  assessment: '/branch/assessment/export',
  overview: '/overview/export',
} as const;

/** Points with their sign: +5, −5 (a reversal). */
export const signed = (points: number) => (points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0');
