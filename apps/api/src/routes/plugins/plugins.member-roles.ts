import { IdSchema, PluginMemberRolesSchema, PluginRoleGrantsSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/roles/{memberId}',
  tags: ['plugins'],
  summary: '设置成员在插件中的角色（空列表即全部收回）/ Set a member’s roles in the plugin (empty takes them away)',
  access: TENANT_MANAGERS,
  request: { params: pluginParams.extend({ memberId: IdSchema }), body: jsonBody(PluginMemberRolesSchema) },
  errors: [409],
  responses: {
    200: json(PluginRoleGrantsSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginId, memberId } = c.req.valid('param');
  const list = await c
    .get('services')
    .pluginRuntime.roles.set(c.get('tx'), installContext(c), pluginId, memberId, c.req.valid('json').roles);
  return c.json(list, 200);
};
