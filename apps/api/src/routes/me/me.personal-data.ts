import { PersonalDataExportSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/me/personal-data',
  tags: ['me'],
  summary: '下载我的个人数据（JSON）/ Download my personal data (JSON)',
  description:
    '《个人信息保护法》第四十五条：账号、所属小区、核验、按登记簿所有的房屋、邀请、开通申请、查看记录，以及各插件保存的数据（订单、评价、议题与回复、本人选票的回执）。PIPL art. 45: everything the platform keeps about the signed-in person, plugins included.',
  access: ['user'],
  responses: { 200: json(PersonalDataExportSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { personalData, pluginRuntime, clock } = c.get('services');
  const data = await personalData.export(actorOf(c), pluginRuntime.personalData);
  const day = clock.now().toISOString().slice(0, 10);
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', `attachment; filename="personal-data-${day}.json"`);
  return c.json(serialize(data), 200);
};
