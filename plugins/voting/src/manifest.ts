import { z } from '@hono/zod-openapi';
import { definePlugin } from '@city/plugin-sdk';
import { PAGES } from './pages.ts';

/**
 * 议事与表决: residents raise and support topics; the owners' committee turns them into motions and runs 业主大会
 * votes counted by exclusive area and headcount under the Civil Code (art. 278) — with receipts anyone can check.
 */
export const votingManifest = definePlugin({
  id: 'voting',
  version: '1.1.0',
  name: { 'zh-CN': '议事与表决', en: 'Discussion & voting' },
  description: {
    'zh-CN':
      '居民发起议题、附议讨论；业主大会网上投票与纸质票录入，按专有部分面积和人数“双过半”“双四分之三”依法计票，回执可查、记录防篡改，结果自动公示。',
    en: 'Residents raise and support topics; owners’ assemblies vote online or on paper, counted by area and headcount under the Civil Code, with receipts, a tamper-evident log and results published automatically.',
  },
  icon: 'vote',
  category: 'governance',
  publisher: '城市生活网',
  coreRange: '^1.0.0',
  scopes: ['registry:read', 'registry:owners', 'members:read', 'notices:publish', 'audit:write', 'notifications:send'],
  notifications: {
    announced: { name: { 'zh-CN': '业主大会公告', en: 'Owners’ meetings announced' } },
    opened: { name: { 'zh-CN': '业主大会开始投票', en: 'Voting opened' } },
    reminder: {
      name: { 'zh-CN': '截止前一天提醒未投票的业主', en: 'A day before the deadline, if you have not voted' },
      urgent: true,
    },
    result: { name: { 'zh-CN': '表决结果公示', en: 'Results published' } },
  },
  settings: z.object({
    noticeDays: z.number().int().min(15).max(90).default(15),
    supportThreshold: z.number().int().min(1).max(10_000).default(20),
    proxyLimit: z.number().int().min(1).max(50).default(5),
  }),
  settingsText: {
    noticeDays: {
      label: { 'zh-CN': '会议公告提前天数', en: 'Days of notice before voting' },
      hint: {
        'zh-CN': '公告发布后至少满这么多天才能开始投票（指导规则：不少于15日）',
        en: 'Voting opens no sooner than this many days after the announcement (at least 15)',
      },
    },
    supportThreshold: {
      label: { 'zh-CN': '议题转为议案所需附议人数', en: 'Supporters a topic needs to become a motion' },
    },
    proxyLimit: {
      label: { 'zh-CN': '每名受托人最多代理业主数', en: 'Owners one proxy holder may represent' },
      hint: {
        'zh-CN': '一名受托人在一次会议中最多可代理的业主（计票主体）数，以议事规则为准',
        en: 'How many owners (counting owners) one holder may represent in a meeting, as the rules of procedure say',
      },
    },
  },
  navigation: [
    { path: PAGES.topics, label: { 'zh-CN': '议事与表决', en: 'Discussion & voting' }, icon: 'messages-square' },
    { path: PAGES.meetings, label: { 'zh-CN': '业主大会', en: 'Owners’ assembly' } },
  ],
});
