import { AuditFacetsSchema } from '@city/contracts';
import { auditFacets } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/audit/facets',
  tags: ['neighbourhood'],
  summary:
    '审计日志的筛选项：操作人与操作（插件的操作附其说明）/ What the trail can be filtered by: who acted and the actions, plugins’ with their words',
  access: ['tenant:admin'],
  request: { params: tenantParams },
  responses: {
    200: json(AuditFacetsSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { actors, actions } = await auditFacets(c.get('tx'), c.get('tenant').id);
  const catalogue = c.get('services').pluginRuntime.catalogue;
  return c.json(
    {
      actors,
      actions: actions.map((action) => {
        // A plugin's actions are recorded as `<plugin id>.<name>`; its manifest words them.
        const [area = '', name = ''] = action.split('.', 2);
        const manifest = catalogue.get(area)?.manifest;
        const text = manifest?.audit?.[name];
        return { action, plugin: manifest?.id ?? null, label: text?.label ?? null, sentence: text?.sentence ?? null };
      }),
      plugins: catalogue.all().map(({ manifest }) => ({ id: manifest.id, name: manifest.name })),
    },
    200,
  );
};
