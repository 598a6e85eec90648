import type { Locale } from './enums.ts';

type Entry = { status: number; 'zh-CN': string; en: string };

/**
 * Every error the API can answer with: code → HTTP status and a localised title (RFC 9457 `title`).
 * The problem `type` is `/problems/<code>`; clients branch on `code`.
 */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, 'zh-CN': '提交的内容有误', en: 'The request is not valid' },
  malformed_body: { status: 400, 'zh-CN': '请求内容无法解析', en: 'The request body could not be read' },
  payload_too_large: { status: 413, 'zh-CN': '请求内容过大', en: 'The request is too large' },
  image_too_many_pixels: {
    status: 400,
    'zh-CN': '图片像素过多（最多 2400 万像素），请缩小后再上传',
    en: 'The image has too many pixels (24 megapixels at most); scale it down and upload it again',
  },
  image_processing_unavailable: {
    status: 503,
    'zh-CN': '此服务器暂不支持上传照片，请稍后再试或联系平台运维人员',
    en: 'This server cannot take photos at the moment; try again later or tell the platform operator',
  },
  unsupported_media_type: {
    status: 415,
    'zh-CN': '请求内容类型不受支持，请使用 application/json',
    en: 'Unsupported content type; send application/json',
  },
  unauthenticated: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  invalid_credentials: { status: 401, 'zh-CN': '手机号或密码不正确', en: 'Wrong phone number or password' },
  forbidden: { status: 403, 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  csrf_rejected: { status: 403, 'zh-CN': '请求来源不被信任', en: 'The request origin is not trusted' },
  not_found: { status: 404, 'zh-CN': '找不到该资源', en: 'Not found' },
  conflict: { status: 409, 'zh-CN': '与现有数据冲突', en: 'This conflicts with existing data' },
  ledger_unbalanced: {
    status: 400,
    'zh-CN': '借贷不平衡：借方合计须等于贷方合计，且至少两行',
    en: 'The entry does not balance: total debits must equal total credits, over two lines at least',
  },
  ledger_period_closed: {
    status: 409,
    'zh-CN': '该月份已结账，不能再记账；请记入未结账的月份',
    en: 'This month is closed; post to a month that is still open',
  },
  ledger_already_reversed: { status: 409, 'zh-CN': '该凭证已冲销', en: 'This entry has already been reversed' },
  expense_not_open: {
    status: 409,
    'zh-CN': '该支出已不在此环节，请刷新后查看最新状态',
    en: 'The expense is no longer at this step; reload to see where it stands',
  },
  expense_own_proposal: {
    status: 409,
    'zh-CN': '提议人不能批准自己提议的支出',
    en: 'The person who proposed an expense cannot approve it',
  },
  not_a_signer: {
    status: 403,
    'zh-CN': '只有现任委员才能签署',
    en: 'Only current members of the committee can sign',
  },
  dividend_no_owners: {
    status: 409,
    'zh-CN': '房屋登记中没有可分红的业主（须有面积和业主）',
    en: 'The registry has no owners with an area to share a dividend among',
  },
  phone_taken: { status: 409, 'zh-CN': '该手机号已注册', en: 'This phone number is already registered' },
  code_invalid: { status: 400, 'zh-CN': '验证码不正确或已过期', en: 'The code is wrong or has expired' },
  application_duplicate: {
    status: 409,
    'zh-CN': '该小区已有申请或已开通',
    en: 'This neighbourhood has already applied or is already open',
  },
  application_decided: { status: 409, 'zh-CN': '该申请已处理', en: 'This application has already been decided' },
  uscc_taken: {
    status: 409,
    'zh-CN': '该统一社会信用代码已注册，请让本单位的负责人把您加为员工',
    en: 'This credit code is already registered; ask the business owner to add you as staff',
  },
  last_owner: { status: 409, 'zh-CN': '单位至少需要一名负责人', en: 'A business needs at least one owner' },
  slug_taken: { status: 409, 'zh-CN': '该网址标识已被使用', en: 'This address name is taken' },
  last_admin: {
    status: 409,
    'zh-CN': '小区至少需要一名管理员',
    en: 'A neighbourhood needs at least one administrator',
  },
  confirmation_invalid: {
    status: 400,
    'zh-CN': '密码或验证码不正确，账号未注销',
    en: 'The password or code is wrong; the account was not deleted',
  },
  account_in_charge: {
    status: 409,
    'zh-CN': '您仍负责小区或单位，请先移交后再注销账号',
    en: 'You are still in charge of a neighbourhood or business; hand it over before deleting your account',
  },
  already_member: { status: 409, 'zh-CN': '该手机号已是小区成员', en: 'This number already belongs to a member' },
  invitation_unavailable: {
    status: 409,
    'zh-CN': '邀请已失效（已接受、已撤销或已过期）',
    en: 'The invitation is no longer valid (accepted, revoked or expired)',
  },
  notice_locked: {
    status: 409,
    'zh-CN': '已发布的公示不可修改，请发布更正公告',
    en: 'A published disclosure cannot be edited; publish a correction',
  },
  notice_state: {
    status: 409,
    'zh-CN': '该公告当前状态不允许此操作',
    en: 'The notice is not in a state that allows this',
  },
  claim_code_invalid: {
    status: 400,
    'zh-CN': '认证码不正确，请核对邀请函',
    en: 'This code is not right; check the letter',
  },
  claim_code_used: { status: 409, 'zh-CN': '该认证码已被使用', en: 'This code has already been used' },
  claim_code_expired: {
    status: 410,
    'zh-CN': '该认证码已过期或已作废，请联系物业重新发放',
    en: 'This code has expired or was replaced; ask the property office for a new letter',
  },
  already_verified: {
    status: 409,
    'zh-CN': '您已认证或已申请该房屋',
    en: 'You have already verified or requested this unit',
  },
  unit_unknown: {
    status: 400,
    'zh-CN': '未找到该房屋，请核对楼栋、单元和房号',
    en: 'No such unit here; check the building, entrance and room',
  },
  verification_state: {
    status: 409,
    'zh-CN': '该认证当前状态不允许此操作',
    en: 'The verification is not in a state that allows this',
  },
  lookalike_changed: {
    status: 409,
    'zh-CN': '这些业主记录已有变动，不再是同一组疑似同一人的记录，请刷新后重新确认',
    en: 'These owner records have changed and no longer form this lookalike group; reload and decide again',
  },
  scope_not_granted: { status: 403, 'zh-CN': '插件未获得此项权限', en: 'The plugin was not granted this scope' },
  plugin_unavailable: {
    status: 409,
    'zh-CN': '该插件版本已下架或与平台版本不兼容',
    en: 'This plugin version is withdrawn or does not fit this platform',
  },
  plugin_requires: {
    status: 409,
    'zh-CN': '请先安装并启用此插件依赖的插件',
    en: 'Install and enable the plugins this one requires first',
  },
  plugin_required_by: {
    status: 409,
    'zh-CN': '其他已安装的插件依赖此插件，请先卸载它们',
    en: 'Other installed plugins require this one; uninstall them first',
  },
  plugin_state: {
    status: 409,
    'zh-CN': '插件当前状态不允许此操作',
    en: 'The plugin is not in a state that allows this',
  },
  plugin_failed: { status: 500, 'zh-CN': '插件执行出错，此次操作未生效', en: 'The plugin failed; nothing was changed' },
  scopes_required: {
    status: 400,
    'zh-CN': '须授予插件申请的全部权限才能安装',
    en: 'Grant every scope the plugin asks for to install it',
  },
  region_invalid: { status: 400, 'zh-CN': '行政区划层级不正确', en: 'The region does not fit the administrative tree' },
  rate_limited: { status: 429, 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many attempts, please try again later' },
  sms_unavailable: {
    status: 503,
    'zh-CN': '短信暂时无法发送，请稍后再试',
    en: 'Text messages cannot be sent right now; please try again later',
  },
  wechat_unavailable: {
    status: 503,
    'zh-CN': '暂时无法连接微信，请稍后再试',
    en: 'WeChat cannot be reached right now; please try again later',
  },
  feedback_not_now: {
    status: 409,
    'zh-CN': '该反映当前所处环节不允许此操作',
    en: 'This report is not at a step that allows this',
  },
  photo_invalid: { status: 400, 'zh-CN': '只能上传 JPEG、PNG 或 WebP 图片', en: 'Upload a JPEG, PNG or WebP image' },
  document_invalid: {
    status: 400,
    'zh-CN': '只能上传 PDF 文件或 JPEG、PNG、WebP 图片',
    en: 'Upload a PDF or a JPEG, PNG or WebP image',
  },
  too_many_documents: { status: 409, 'zh-CN': '每笔最多 10 个附件', en: '10 attachments at most' },
  too_many_photos: { status: 409, 'zh-CN': '每条反映最多 6 张照片', en: 'A report can have 6 photos at most' },
  internal: { status: 500, 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  server_misconfigured: {
    status: 500,
    'zh-CN': '服务器配置有误，请联系平台运维人员',
    en: 'The server is misconfigured; please tell the platform operator',
  },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function errorTitle(code: ErrorCode, locale: Locale): string {
  return ERROR_CATALOGUE[code][locale];
}
