/**
 * What a plugin may ask a neighbourhood for. Each scope is one capability of the plugin context; the admin sees
 * these explanations when installing and grants them all or does not install.
 */
export const SCOPES = {
  'registry:read': {
    'zh-CN': '读取房屋登记：楼栋、房屋、面积与销售状态（不含业主等个人信息）',
    en: 'Read the property registry: buildings, units, their areas and sale status (no owners, no personal data)',
  },
  'registry:owners': {
    'zh-CN':
      '读取业主名册：房屋面积、业主姓名与表决代表、哪些成员已认证为哪位业主、待确认的疑似同一人业主记录，以及房屋业主或面积变更时登记的原因（用于业主共同决定事项的表决；不含电话和身份证号）',
    en: 'Read the owner roll: unit areas, owners’ names and designated voters, which members are verified as which owner, owner records that may be one person awaiting confirmation, and the reasons recorded when units’ owners or areas changed (for owners’ joint decisions; no phone or ID numbers)',
  },
  'members:read': { 'zh-CN': '读取小区成员名单及其角色', en: 'Read the neighbourhood’s members and their roles' },
  'members:homes': {
    'zh-CN': '读取正在使用插件的成员本人已认证的房屋地址（如上门服务的地址），不含他人信息',
    en: 'Read the verified home addresses of the member using it (e.g. where a home visit goes), nobody else’s',
  },
  'notices:publish': {
    'zh-CN': '以插件名义在公告栏发布通知和公示',
    en: 'Publish notices and disclosures on the board in its own name',
  },
  'notifications:send': {
    'zh-CN': '向本小区的居民（或为本小区服务的商户员工）发送消息通知，每人每天有上限',
    en: 'Send notifications to the neighbourhood’s people (or the staff of a business serving it), a few a day at most per person',
  },
  'feedback:create': {
    'zh-CN': '以正在使用插件的居民本人名义提交“码上提”反映（如对商户的投诉），由小区受理、交办和答复',
    en: 'Open resident reports in the name of the resident using it (a complaint about a business, say), for the neighbourhood to sort, assign and answer',
  },
  'profile:badges': {
    'zh-CN': '在成员本人选择公开时，在其姓名旁显示本插件的标识（如党员“亮身份”），其他应用中同样显示',
    en: 'Show its badge next to a member’s name, in every app, when that member chooses to show it (e.g. a party member showing their identity)',
  },
  'audit:write': {
    'zh-CN': '在小区审计日志中记录本插件的操作',
    en: 'Record its own actions in the neighbourhood’s audit trail',
  },
} as const;

export type Scope = keyof typeof SCOPES;

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}

/** Plugin ids and the ids of the roles plugins add: kebab-case. */
export const PLUGIN_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/**
 * Words the marketplace's own paths use next to plugin ids (`/plugins/navigation`), the SDK's own name, and the
 * core's (its own deliveries of plugins' events).
 */
export const RESERVED_PLUGIN_IDS: readonly string[] = ['core', 'navigation', 'sdk'];
/**
 * The areas of the core's audit actions (`notice.published`). A plugin's actions are recorded as `<plugin id>.<name>`,
 * so a plugin with one of these ids would take over the area's words in the trail (and its filter): no plugin may.
 * The portal words each area by its `audit.group.<area>` message.
 */
export const CORE_AUDIT_AREAS = [
  'tenant',
  'member',
  'invitation',
  'notice',
  'personal_data',
  'registry',
  'verification',
  'plugin',
  'ledger',
  'committee',
  'governance',
  'feedback',
  'notifications',
  'open311',
] as const;
export type CoreAuditArea = (typeof CORE_AUDIT_AREAS)[number];
export const isCoreAuditArea = (area: string): area is CoreAuditArea =>
  (CORE_AUDIT_AREAS as readonly string[]).includes(area);
export const PLUGIN_CATEGORIES = ['governance', 'services', 'party', 'community'] as const;
export type PluginCategory = (typeof PLUGIN_CATEGORIES)[number];
