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
    en: 'The neighbourhood’s party branch and building groups, building and entrance leads, in-service members registering where they live and showing their identity, guided by the community and street party committees.',
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
  // The audit trail's words for each action this plugin records.
  audit: {
    branch_saved: {
      label: { 'zh-CN': '保存支部信息', en: 'Branch details saved' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 保存了党支部信息',
        en: '{actor} saved the branch’s details in {plugin}',
      },
    },
    officers_saved: {
      label: { 'zh-CN': '保存支部委员', en: 'Branch committee saved' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 保存了 {officers} 名支部委员',
        en: '{actor} saved {officers} branch committee members in {plugin}',
      },
    },
    group_added: {
      label: { 'zh-CN': '新增党小组', en: 'Party group added' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 新增了党小组「{name}」',
        en: '{actor} added the party group “{name}” in {plugin}',
      },
    },
    group_changed: {
      label: { 'zh-CN': '修改党小组', en: 'Party group changed' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 修改了党小组「{name}」',
        en: '{actor} changed the party group “{name}” in {plugin}',
      },
    },
    group_removed: {
      label: { 'zh-CN': '删除党小组', en: 'Party group removed' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 删除了党小组「{name}」',
        en: '{actor} removed the party group “{name}” in {plugin}',
      },
    },
    leader_named: {
      label: { 'zh-CN': '安排负责人', en: 'Leader named' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 安排 {name} 为 {building} 的负责人',
        en: '{actor} named {name} a leader in {building} in {plugin}',
      },
    },
    leader_relieved: {
      label: { 'zh-CN': '免去负责人', en: 'Leader relieved' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 免去了 {name} 的负责人职务',
        en: '{actor} relieved {name} as a leader in {plugin}',
      },
    },
    member_registered: {
      label: { 'zh-CN': '党员登记', en: 'Member registered' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 提交了一份党员登记',
        en: '{actor} submitted a party member registration in {plugin}',
      },
    },
    member_confirmed: {
      label: { 'zh-CN': '确认党员身份', en: 'Member confirmed' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 确认了一名党员的身份',
        en: '{actor} confirmed a party member in {plugin}',
      },
    },
    member_declined: {
      label: { 'zh-CN': '不予确认', en: 'Registration declined' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 未确认一份党员登记',
        en: '{actor} declined a party member registration in {plugin}',
      },
    },
    member_transferred: {
      label: { 'zh-CN': '党员转出', en: 'Member transferred out' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 将一名党员转出',
        en: '{actor} transferred a party member out in {plugin}',
      },
    },
    member_removed: {
      label: { 'zh-CN': '移除党员', en: 'Member removed' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 移除了一名党员', en: '{actor} removed a party member in {plugin}' },
    },
    member_grouped: {
      label: { 'zh-CN': '分配党小组', en: 'Member assigned to a group' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 为一名党员分配了党小组',
        en: '{actor} assigned a party member to a group in {plugin}',
      },
    },
    members_read: {
      label: { 'zh-CN': '查看党员名单', en: 'Member list read' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 查看了党员名单（{shown} 人）',
        en: '{actor} read the list of party members in {plugin} ({shown} shown)',
      },
    },
    consent_withdrawn: {
      label: { 'zh-CN': '撤回单独同意', en: 'Consent withdrawn' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 撤回了单独同意', en: '{actor} withdrew their consent in {plugin}' },
    },
    rule_added: {
      label: { 'zh-CN': '新增积分规则', en: 'Points rule added' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 新增了积分规则「{name}」',
        en: '{actor} added the points rule “{name}” in {plugin}',
      },
    },
    rule_changed: {
      label: { 'zh-CN': '修改积分规则', en: 'Points rule changed' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 修改了积分规则「{name}」',
        en: '{actor} changed the points rule “{name}” in {plugin}',
      },
    },
    points_awarded: {
      label: { 'zh-CN': '记积分', en: 'Points awarded' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 按「{rule}」记了 {points} 分',
        en: '{actor} awarded {points} points for “{rule}” in {plugin}',
      },
    },
    points_reversed: {
      label: { 'zh-CN': '撤销积分', en: 'Points reversed' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 撤销了一笔积分', en: '{actor} reversed a points award in {plugin}' },
    },
    duty_updated: {
      label: { 'zh-CN': '更新职责清单', en: 'Duty list updated' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 更新了职责清单事项「{title}」',
        en: '{actor} updated the duty “{title}” in {plugin}',
      },
    },
    activity_planned: {
      label: { 'zh-CN': '发布活动', en: 'Activity planned' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 发布了活动「{title}」',
        en: '{actor} planned the activity “{title}” in {plugin}',
      },
    },
    activity_cancelled: {
      label: { 'zh-CN': '取消活动', en: 'Activity cancelled' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 取消了一项活动', en: '{actor} cancelled an activity in {plugin}' },
    },
    attendance_taken: {
      label: { 'zh-CN': '登记签到', en: 'Attendance taken' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 登记了一项活动的签到：{of} 人中 {present} 人到场',
        en: '{actor} took attendance at an activity in {plugin}: {present} of {of} present',
      },
    },
    commitment_returned: {
      label: { 'zh-CN': '退回承诺', en: 'Commitment returned' },
      sentence: { 'zh-CN': '{actor} 在 {plugin} 退回了一项承诺', en: '{actor} returned a commitment in {plugin}' },
    },
    commitment_fulfilled: {
      label: { 'zh-CN': '确认践诺', en: 'Commitment fulfilled' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 确认了一项承诺已践诺',
        en: '{actor} confirmed a commitment as fulfilled in {plugin}',
      },
    },
  },
});
