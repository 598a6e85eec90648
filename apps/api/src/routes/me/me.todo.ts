import { TodoListSchema } from '@city/contracts';
import { governanceTodos, verificationTodos } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/me/todo',
  tags: ['me'],
  summary: '待办：需要我处理的事（未投的票、待签署的支出、认证进展、进行中的订单）/ What needs me',
  access: ['user'],
  responses: { 200: json(TodoListSchema) },
});

/** Urgent first, then by deadline (soonest first; none last). */
const order = (a: { urgent: boolean; due: string | null }, b: { urgent: boolean; due: string | null }) =>
  Number(b.urgent) - Number(a.urgent) || (a.due ?? '9999').localeCompare(b.due ?? '9999');

export const handler: Handler<typeof route> = async (c) => {
  const services = c.get('services');
  const actor = actorOf(c);
  const locale = c.get('locale');
  const memberships = await services.tenants.memberships(actor);
  const [core, governance, ...plugins] = await Promise.all([
    verificationTodos(services, actor, locale),
    governanceTodos(services, actor, memberships, locale),
    ...memberships.map((m) => services.pluginRuntime.todos.of(m.tenant, actor, locale)),
  ]);
  return c.json({ items: [...core!, ...governance!, ...plugins.flat()].sort(order) }, 200);
};
