import type { PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesApi } from '../server/index.ts';
import { text } from './form-data.ts';

/** /admin: the neighbourhood admin admits, suspends and reinstates vendors and resolves complaints. */
export const adminPage: PluginPage<ServicesApi> = {
  component: () => import('./AdminPage.svelte'),
  load: async ({ client, ok }) => ({
    vendors: (await ok(await client.admin.vendors.$get())).items,
    complaints: (await ok(await client.admin.complaints.$get())).items,
  }),
  actions: {
    decide: async ({ client, form }) => {
      const decision = text(form, 'decision');
      const reason = text(form, 'reason');
      const organisationId = text(form, 'organisationId');
      // Written inside the call, where the input's type keeps `decision` narrowed to 'refuse' | 'suspend'.
      const res = await client.admin.vendors[':organisationId'].decision.$post({
        param: { organisationId },
        json:
          decision === 'refuse' || decision === 'suspend'
            ? { decision: decision, reason }
            : { decision: decision === 'reinstate' ? ('reinstate' as const) : ('admit' as const) },
      });
      return res.ok ? { decided: true } : { failed: res, values: { organisationId, reason } };
    },
    resolve: async ({ client, form }) => {
      const values = { complaintId: text(form, 'complaintId'), resolution: text(form, 'resolution') };
      const res = await client.admin.complaints[':complaintId'].resolve.$post({
        param: { complaintId: values.complaintId },
        json: { resolution: values.resolution },
      });
      return res.ok ? { resolved: true } : { failed: res, values };
    },
  },
};
