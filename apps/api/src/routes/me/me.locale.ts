import { LocaleUpdateSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/me/locale',
  tags: ['me'],
  summary: '设置界面与短信语言 / Set my language',
  access: ['user'],
  request: { body: jsonBody(LocaleUpdateSchema) },
  responses: { 204: { description: 'Saved' } },
});

export const handler: Handler<typeof route> = async (c) => {
  await c.get('services').accounts.setLocale(actorOf(c).id, c.req.valid('json').locale);
  return c.body(null, 204);
};
