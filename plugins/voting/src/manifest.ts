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
  // The audit trail's words for each action this plugin records.
  audit: {
    meeting_created: {
      label: { 'zh-CN': '创建业主大会', en: 'Meeting created' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 创建了业主大会「{title}」',
        en: '{actor} created the owners’ meeting “{title}” in {plugin}',
      },
    },
    meeting_announced: {
      label: { 'zh-CN': '公告业主大会', en: 'Meeting announced' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 公告了一次业主大会',
        en: '{actor} announced an owners’ meeting in {plugin}',
      },
    },
    voting_opened: {
      label: { 'zh-CN': '开始投票', en: 'Voting opened' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 开启了一次业主大会的投票',
        en: '{actor} opened the vote of an owners’ meeting in {plugin}',
      },
    },
    voting_closed: {
      label: { 'zh-CN': '结束投票并计票', en: 'Voting closed and counted' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 结束了一次业主大会的投票并计票（{ballots} 张选票）',
        en: '{actor} closed and counted the vote of an owners’ meeting in {plugin} ({ballots} ballots)',
      },
    },
    roll_changes_published: {
      label: { 'zh-CN': '公布名册变更', en: 'Roll changes published' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 公布了业主名册的 {changes} 处变更',
        en: '{actor} published {changes} changes to the owners’ roll in {plugin}',
      },
    },
    ballot_entered: {
      label: { 'zh-CN': '录入选票', en: 'Ballot entered' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 录入了一张选票', en: '{actor} entered a ballot in {plugin}' },
    },
    ballot_confirmed: {
      label: { 'zh-CN': '确认选票', en: 'Ballot confirmed' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 确认了一张选票', en: '{actor} confirmed a ballot in {plugin}' },
    },
    ballot_rejected: {
      label: { 'zh-CN': '退回选票', en: 'Ballot rejected' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 退回了一张选票', en: '{actor} rejected a ballot in {plugin}' },
    },
    sheet_counts_recorded: {
      label: { 'zh-CN': '登记纸质表决票', en: 'Paper ballots counted' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 登记了纸质表决票：发出 {issued} 张，收回 {returned} 张',
        en: '{actor} recorded the paper ballots in {plugin}: {issued} issued, {returned} returned',
      },
    },
    topic_hidden: {
      label: { 'zh-CN': '隐藏议题', en: 'Topic hidden' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 隐藏了议题「{title}」',
        en: '{actor} hid the topic “{title}” in {plugin}',
      },
    },
    topic_to_motion: {
      label: { 'zh-CN': '议题列为表决事项', en: 'Topic made a motion' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 把一个议题列为业主大会的表决事项',
        en: '{actor} made a topic a motion of an owners’ meeting in {plugin}',
      },
    },
    reply_hidden: {
      label: { 'zh-CN': '隐藏回复', en: 'Reply hidden' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 隐藏了一条回复', en: '{actor} hid a reply in {plugin}' },
    },
  },
});
