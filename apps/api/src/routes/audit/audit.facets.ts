import { AuditFacetsSchema, type AuditFacets } from '@city/contracts';
import { auditFacets } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import type { PluginCatalogue } from '../../plugin-runtime/catalogue.ts';
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
  const facets = await auditFacets(c.get('tx'), c.get('tenant').id);
  return c.json(facetsInWords(facets, c.get('services').pluginRuntime.catalogue), 200);
};

/**
 * The facets as the filters offer them: a plugin's actions (recorded as `<plugin id>.<name>`) with its manifest's
 * words, and every plugin by name. Shared by the admins' trail and the supervisors' view of it.
 */
export function facetsInWords(
  { actors, actions }: Awaited<ReturnType<typeof auditFacets>>,
  catalogue: PluginCatalogue,
): AuditFacets {
  return {
    actors,
    actions: actions.map((action) => {
      const [area = '', name = ''] = action.split('.', 2);
      const manifest = catalogue.get(area)?.manifest;
      const text = manifest?.audit?.[name];
      return { action, plugin: manifest?.id ?? null, label: text?.label ?? null, sentence: text?.sentence ?? null };
    }),
    plugins: catalogue.all().map(({ manifest }) => ({ id: manifest.id, name: manifest.name })),
  };
}
