import { LocaleUpdateSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, jsonBody, type Handler } from '../../lib/route.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/me/locale',
  tags: ['me'],
  summary: '设置界面与短信语言 / Set my language',
  access: ['user'],
  request: { body: jsonBody(LocaleUpdateSchema) },
  responses: { 204: { description: 'Saved' }, 400: errorResponses[400], 401: errorResponses[401] },
});

export const handler: Handler<typeof route> = async (c) => {
  await c.get('services').accounts.setLocale(actorOf(c).id, c.req.valid('json').locale);
  return c.body(null, 204);
};
