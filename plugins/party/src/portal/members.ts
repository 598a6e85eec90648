import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { MEMBER_STATUSES, type MemberStatus } from '../values.ts';
import { done, optional, refused, text } from './forms.ts';
import type { MembersData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

const isStatus = (value: string | null): value is MemberStatus =>
  (MEMBER_STATUSES as readonly (string | null)[]).includes(value);

async function confirm({ client, form }: Context): Promise<ActionResult> {
  const memberId = text(form, 'id');
  const values = { groupId: text(form, 'groupId') };
  const res = await client.branch.members[':partyMemberId'].decision.$post({
    param: { partyMemberId: memberId },
    json: { action: 'confirm', groupId: optional(values.groupId) },
  });
  return res.ok ? done('confirm', memberId) : refused(res, 'confirm', memberId, values);
}

/** Declining a registration, transferring a member out (组织关系转出) or removing one: each with a note the member reads. */
const ending =
  (action: 'decline' | 'transfer' | 'remove') =>
  async ({ client, form }: Context): Promise<ActionResult> => {
    const memberId = text(form, 'id');
    const values = { note: text(form, 'note') };
    const res = await client.branch.members[':partyMemberId'].decision.$post({
      param: { partyMemberId: memberId },
      json: { action, note: values.note },
    });
    return res.ok ? done(action, memberId) : refused(res, action, memberId, values);
  };

async function regroup({ client, form }: Context): Promise<ActionResult> {
  const memberId = text(form, 'id');
  const values = { groupId: text(form, 'groupId') };
  const res = await client.branch.members[':partyMemberId'].group.$put({
    param: { partyMemberId: memberId },
    json: { groupId: optional(values.groupId) },
  });
  return res.ok ? done('regroup', memberId) : refused(res, 'regroup', memberId, values);
}

/** /branch/members: the registrations, filtered by status; every load is a read the API records. */
export const membersPage: PluginPage<PartyApi> = {
  component: () => import('./MembersPage.svelte'),
  load: async ({ client, ok, url }): Promise<MembersData> => {
    const wanted = url.searchParams.get('status');
    const status = isStatus(wanted) ? wanted : null;
    const list = await ok(await client.branch.members.$get({ query: status ? { status } : {} }));
    return { list, status };
  },
  actions: {
    confirm,
    decline: ending('decline'),
    transfer: ending('transfer'),
    remove: ending('remove'),
    regroup,
  },
};
