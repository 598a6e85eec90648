import {
  FeedbackCodeRequestSchema,
  PhoneCodeSentSchema,
  PhoneFeedbackFormSchema,
  PhoneFeedbackInputSchema,
  PhoneFeedbackOpenedSchema,
} from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { feedbackPlaces, feedbackSettings } from '@city/core';
import { activeTenant, actPublicly, readPublicly } from '../../access/enter-tenant.ts';
import { requestMeta } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

const HOUR = 60 * 60 * 1000;

export const formRoute = defineRoute({
  method: 'get',
  path: '/api/v1/public/n/{tenant}/feedback/form',
  tags: ['notices'],
  summary: '码上提（不登录）：可选的类别与楼栋 / Reporting without an account: the categories and buildings',
  access: ['public'],
  request: { params: tenantParams },
  responses: { 200: json(PhoneFeedbackFormSchema) },
});

export const formHandler: Handler<typeof formRoute> = async (c) => {
  const form = await readPublicly(c, async (tx, tenant) => ({
    neighbourhood: { slug: tenant.slug, name: tenant.name },
    categories: (await feedbackSettings(tx)).categories,
    buildings: (await feedbackPlaces(tx)).buildings,
  }));
  return c.json(form, 200);
};

export const codeRoute = defineRoute({
  method: 'post',
  path: '/api/v1/public/n/{tenant}/feedback/codes',
  tags: ['notices'],
  summary: '码上提（不登录）：发送短信验证码 / Reporting without an account: text a code',
  description:
    '与注册、找回密码的验证码共用每号码、每地址的次数限制。Shares the per-number and per-address limits of every code.',
  access: ['public'],
  request: { params: tenantParams, body: jsonBody(FeedbackCodeRequestSchema) },
  errors: [429, 503],
  responses: { 202: json(PhoneCodeSentSchema, 'Sent') },
});

export const codeHandler: Handler<typeof codeRoute> = async (c) => {
  const { phoneFeedback } = c.get('services');
  // Only for a neighbourhood that takes reports: a suspended or unknown one is a 404 before anything is texted.
  await activeTenant(c.get('services'), c.req.valid('param').tenant);
  const sent = await phoneFeedback.sendCode(c.req.valid('json').phone, requestMeta(c));
  return c.json({ expiresAt: sent.expiresAt.toISOString(), resendAfterSeconds: sent.resendAfterSeconds }, 202);
};

export const reportRoute = defineRoute({
  method: 'post',
  path: '/api/v1/public/n/{tenant}/feedback/reports',
  tags: ['notices'],
  summary: '码上提（不登录）：凭短信验证码反映问题 / Report with a number confirmed by its code',
  description:
    '答复中的跟踪凭据只给这一次：凭它查看进展、评价、补充照片。' +
    'The tracking token is given only in this answer: with it the reporter follows the report, rates it and adds photos.',
  access: ['public'],
  request: { params: tenantParams, body: jsonBody(PhoneFeedbackInputSchema) },
  limit: { bucket: 'phone-feedback', max: 20, windowMs: HOUR },
  responses: { 201: json(PhoneFeedbackOpenedSchema) },
});

export const reportHandler: Handler<typeof reportRoute> = async (c) => {
  const services = c.get('services');
  const { code, ...input } = c.req.valid('json');
  await activeTenant(services, c.req.valid('param').tenant);
  await services.phoneFeedback.confirm(input.phone, code);
  const opened = await actPublicly(c, (tx, tenant) =>
    services.phoneFeedback.open(tx, { tenantId: tenant.id, at: services.clock.now() }, input, c.get('locale')),
  );
  return c.json(opened, 201);
};
