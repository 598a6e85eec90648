import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import type { LeaderKind, OfficerPosition } from '../values.ts';
import { all, done, optional, refused, text } from './forms.ts';
import { placeFrom } from './format.ts';
import type { BranchData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

async function saveBranch({ client, form }: Context): Promise<ActionResult> {
  const values = { name: text(form, 'name'), kind: text(form, 'kind') };
  const kind = values.kind === 'standing' ? 'standing' : 'functional';
  const res = await client.branch.$put({ json: { name: values.name, kind } });
  return res.ok ? done('saveBranch') : refused(res, 'saveBranch', '', values);
}

async function saveOfficers({ client, form }: Context): Promise<ActionResult> {
  const positions = all(form, 'position');
  // Rows left at "nobody" are seats given up (or the empty row not used).
  const officers = all(form, 'userId').flatMap((userId, i) =>
    userId ? [{ userId, position: (positions[i] ?? 'member') as OfficerPosition }] : [],
  );
  const res = await client.branch.officers.$put({ json: { officers } });
  return res.ok ? done('saveOfficers') : refused(res, 'saveOfficers');
}

/** A group's form, as typed (for redisplay) and as the API takes it. */
function groupFrom(form: FormData) {
  const values = {
    name: text(form, 'name'),
    buildingIds: all(form, 'buildingId'),
    leaderUserId: text(form, 'leaderUserId'),
  };
  return {
    values: { ...values, buildingIds: values.buildingIds.join(',') },
    json: { ...values, leaderUserId: optional(values.leaderUserId) },
  };
}

async function addGroup({ client, form }: Context): Promise<ActionResult> {
  const { values, json } = groupFrom(form);
  const res = await client.groups.$post({ json });
  return res.ok ? done('addGroup') : refused(res, 'addGroup', '', values);
}

async function saveGroup({ client, form }: Context): Promise<ActionResult> {
  const groupId = text(form, 'id');
  const { values, json } = groupFrom(form);
  const res = await client.groups[':groupId'].$put({ param: { groupId }, json });
  return res.ok ? done('saveGroup', groupId) : refused(res, 'saveGroup', groupId, values);
}

async function dissolveGroup({ client, form }: Context): Promise<ActionResult> {
  const groupId = text(form, 'id');
  const res = await client.groups[':groupId'].$delete({ param: { groupId } });
  // Once dissolved the group has no card left: success shows above the list, a refusal beside the group.
  return res.ok ? done('dissolveGroup') : refused(res, 'dissolveGroup', groupId);
}

async function addLeader({ client, form }: Context): Promise<ActionResult> {
  const values = {
    kind: text(form, 'kind'),
    place: text(form, 'place'),
    floor: text(form, 'floor'),
    userId: text(form, 'userId'),
    phone: text(form, 'phone'),
  };
  const res = await client.leaders.$post({
    json: {
      kind: values.kind as LeaderKind,
      ...placeFrom(values.place),
      floor: values.floor === '' ? null : Number(values.floor),
      userId: values.userId,
      phone: values.phone,
    },
  });
  return res.ok ? done('addLeader') : refused(res, 'addLeader', '', values);
}

async function relieve({ client, form }: Context): Promise<ActionResult> {
  const leaderId = text(form, 'id');
  const res = await client.leaders[':leaderId'].$delete({ param: { leaderId } });
  return res.ok ? done('relieve') : refused(res, 'relieve');
}

/** /branch: the branch itself, its committee, its groups and the people in charge of each place. */
export const branchPage: PluginPage<PartyApi> = {
  component: () => import('./BranchPage.svelte'),
  load: async ({ client, ok }): Promise<BranchData> => ({ admin: await ok(await client.branch.$get()) }),
  actions: { saveBranch, saveOfficers, addGroup, saveGroup, dissolveGroup, addLeader, relieve },
};
