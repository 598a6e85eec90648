import { z } from '@hono/zod-openapi';
import { definePlugin } from '@city/plugin-sdk';
import { PAGES } from './pages.ts';

/**
 * 智慧党建: the branch of the neighbourhood and its groups bound to the registry's buildings, the people in charge of
 * each building, entrance and floor, in-service members registering where they live (with separate consent), and
 * 亮身份 by the member's own choice; the 社区党委 and 街道党工委 above keep their part from their region pages.
 */
export const partyManifest = definePlugin({
  id: 'party',
  version: '1.0.0',
  name: { 'zh-CN': '智慧党建', en: 'Party building' },
  description: {
    'zh-CN': '小区党支部与楼栋党小组、楼栋长和单元长、在职党员报到与亮身份，社区党委和街道党工委在线指导。',
    en: 'The neighbourhood’s party branch and building groups, building and entrance leads, in-service members registering where they live and showing their identity, guided by the 社区 and 街道 party committees.',
  },
  icon: 'flag',
  category: 'party',
  publisher: '城市生活网',
  coreRange: '^1.0.0',
  scopes: ['audit:write', 'registry:read', 'members:read', 'members:homes', 'profile:badges', 'feedback:create'],
  settings: z.object({ intro: z.string().trim().max(200).default('') }),
  settingsText: {
    intro: {
      label: { 'zh-CN': '首页说明', en: 'Introduction' },
      hint: {
        'zh-CN': '居民在智慧党建首页看到的一段话，最多200字',
        en: 'A paragraph residents read at the top of the page, up to 200 characters',
      },
    },
  },
  roles: [
    {
      id: 'branch',
      name: { 'zh-CN': '党支部委员', en: 'Branch committee' },
      description: {
        'zh-CN': '确认党员报到、管理党小组和楼栋长，查看党员名单（每次查看都会记录）',
        en: 'Confirms registrations, keeps the groups and building leads, reads the member list (every read is recorded)',
      },
    },
  ],
  navigation: [
    { path: PAGES.home, label: { 'zh-CN': '智慧党建', en: 'Party building' } },
    {
      path: PAGES.mine,
      label: { 'zh-CN': '我的承诺与积分', en: 'My commitments and points' },
      icon: 'heart-handshake',
    },
    { path: PAGES.activities, label: { 'zh-CN': '党建活动', en: 'Activities' }, icon: 'calendar-check' },
    {
      path: PAGES.branch,
      label: { 'zh-CN': '支部管理', en: 'Run the branch' },
      icon: 'settings',
      roles: ['admin', 'branch'],
    },
  ],
});
