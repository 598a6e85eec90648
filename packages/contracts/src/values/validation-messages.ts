import type { Locale } from './enums.ts';

/**
 * Messages for our own refinements. Schemas carry the key (`{ error: 'phone_invalid' }`); the API turns the key
 * into text in the caller's language, so the same schema serves zh-CN and en.
 */
export const VALIDATION_MESSAGES = {
  required: { 'zh-CN': '此项必填', en: 'This field is required' },
  phone_invalid: { 'zh-CN': '请输入11位中国大陆手机号', en: 'Enter an 11-digit mainland China mobile number' },
  password_too_short: { 'zh-CN': '密码至少8个字符', en: 'The password needs at least 8 characters' },
  password_too_long: { 'zh-CN': '密码最多128个字符', en: 'The password can have at most 128 characters' },
  code_format: { 'zh-CN': '验证码为6位数字', en: 'The code has 6 digits' },
  wechat_code_invalid: {
    'zh-CN': '微信登录凭证无效或已使用，请在小程序中重新打开本页',
    en: 'WeChat did not accept the sign-in code; open this page in the mini-program again',
  },
  name_required: { 'zh-CN': '请填写名称', en: 'Enter a name' },
  name_too_long: { 'zh-CN': '名称过长', en: 'The name is too long' },
  address_required: { 'zh-CN': '请填写地址', en: 'Enter an address' },
  slug_format: {
    'zh-CN': '网址标识只能包含小写字母、数字和连字符，3–40个字符',
    en: 'The address name has 3–40 lowercase letters, digits and hyphens',
  },
  reason_required: { 'zh-CN': '请填写理由', en: 'Give a reason' },
  roles_required: { 'zh-CN': '至少选择一个角色', en: 'Choose at least one role' },
  uscc_length: { 'zh-CN': '统一社会信用代码为18位', en: 'The unified social credit code has 18 characters' },
  uscc_invalid: {
    'zh-CN': '统一社会信用代码不正确（请核对营业执照上的18位代码）',
    en: 'This unified social credit code is not valid (check the 18 characters on the business licence)',
  },
  role_invalid: { 'zh-CN': '角色不正确', en: 'Not a valid role' },
  id_invalid: { 'zh-CN': '编号格式不正确', en: 'The id is not valid' },
  lookalike_kept_listed: {
    'zh-CN': '保留的业主记录须在所选记录之中',
    en: 'The owner record kept must be one of the records chosen',
  },
  title_required: { 'zh-CN': '请填写标题', en: 'Enter a title' },
  body_required: { 'zh-CN': '请填写正文', en: 'Enter the text' },
  disclosure_period_required: {
    'zh-CN': '公示须设定公示期截止时间',
    en: 'A public disclosure needs the end of its period',
  },
  building_required: {
    'zh-CN': '按楼栋发布时须选择楼栋（其他范围不选）',
    en: 'Choose a building for a building audience, and only then',
  },
  election_matter: {
    'zh-CN': '选举属于第三项事项（选举或更换业主委员会成员）',
    en: 'An election is item 3 (electing or replacing committee members)',
  },
  not_an_election: { 'zh-CN': '只有选举才有席位和候选人', en: 'Only an election has seats and candidates' },
  committee_seats: {
    'zh-CN': '业主委员会委员为5至11人的单数（补选除外）',
    en: 'A committee has an odd number of members from 5 to 11 (unless it is a by-election)',
  },
  by_election_seats: { 'zh-CN': '补选人数为1至11人', en: 'A by-election fills 1 to 11 seats' },
  choice_required: { 'zh-CN': '请对每一项作出选择', en: 'Choose an answer for every item' },
  window_order: { 'zh-CN': '截止时间须晚于开始时间', en: 'The end must come after the start' },
  url_invalid: { 'zh-CN': '请填写 http(s) 开头的链接', en: 'Enter an http(s) link' },
  area_format: {
    'zh-CN': '面积为平方米，最多两位小数，如 89.50',
    en: 'Area in m² with at most two decimals, e.g. 89.50',
  },
  id_number_invalid: { 'zh-CN': '身份证号格式或校验位不正确', en: 'The ID number or its check digit is wrong' },
  one_designated_voter: {
    'zh-CN': '共有人中须指定且仅指定一名投票人',
    en: 'Choose exactly one designated voter among the co-owners',
  },
  claim_code_format: {
    'zh-CN': '认证码为10位字母和数字，如 ABCD-EFGH-JK',
    en: 'The code has 10 letters and digits, e.g. ABCD-EFGH-JK',
  },
  owner_record_required: {
    'zh-CN': '认定为业主时须选择登记的业主记录（其他关系不选）',
    en: 'Choose the registered owner record when, and only when, the person is an owner',
  },
  import_empty: { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  import_too_many_rows: { 'zh-CN': '文件行数超过上限（50,000行）', en: 'The file has more rows than allowed (50,000)' },
  import_missing_column: { 'zh-CN': '缺少必需的列', en: 'A required column is missing' },
  import_unreadable: {
    'zh-CN': '无法读取文件，请使用模板的 CSV 或 XLSX 格式',
    en: 'The file cannot be read; use the template as CSV or XLSX',
  },
  floor_format: { 'zh-CN': '楼层为整数（地下层为负数）', en: 'The floor is a whole number (negative below ground)' },
  sale_status_unknown: {
    'zh-CN': '销售状态应为：已售已交付、已售未交付或未售',
    en: 'Sale status is one of: sold_delivered, sold_undelivered, unsold',
  },
  voter_flag: { 'zh-CN': '表决人填“是”或留空', en: 'Designated voter is "yes" or empty' },
  owner_name_required: { 'zh-CN': '填写了业主信息时须填写业主姓名', en: 'An owner’s details need the owner’s name' },
  unit_rows_differ: {
    'zh-CN': '同一房屋的多行中，房屋信息（楼层、面积、销售状态）不一致',
    en: 'Rows of the same unit disagree on its floor, areas or sale status',
  },
  owner_repeated: { 'zh-CN': '同一房屋中该业主重复出现', en: 'This owner appears twice for the same unit' },
  masked_owner_unknown: {
    'zh-CN': '脱敏身份证号须与该房屋现登记业主一致；新业主请填写完整身份证号',
    en: 'A masked ID number must match a current owner of this unit; give a new owner’s full number',
  },
  plugin_role_unknown: { 'zh-CN': '该插件没有这个角色', en: 'The plugin has no such role' },
  plugin_confirm: { 'zh-CN': '请输入插件标识以确认', en: 'Type the plugin’s id to confirm' },
  too_small: { 'zh-CN': '数值或长度过小', en: 'The value is too small or too short' },
  too_big: { 'zh-CN': '数值或长度过大', en: 'The value is too big or too long' },
  invalid_type: { 'zh-CN': '类型不正确', en: 'The value has the wrong type' },
  invalid_value: { 'zh-CN': '不是允许的取值', en: 'This value is not allowed' },
  invalid_format: { 'zh-CN': '格式不正确', en: 'The format is not valid' },
  unrecognized_keys: { 'zh-CN': '包含无法识别的字段', en: 'Contains unknown fields' },
  invalid: { 'zh-CN': '内容无效', en: 'The value is not valid' },
  text_hostile: {
    'zh-CN': '包含不允许的字符（空字符、控制字符、不成对的代理项或非字符）',
    en: 'Contains a character that is not allowed (NUL, a control character, an unpaired surrogate or a noncharacter)',
  },
  url_encoding: { 'zh-CN': '网址中的百分号编码不正确', en: 'The percent-encoding in the address is not valid' },
  too_deep: { 'zh-CN': '内容嵌套层级过深', en: 'The content is nested too deeply' },
  text_bidi: {
    'zh-CN': '不能包含改变文字方向的控制字符',
    en: 'Must not contain characters that change the direction of the text',
  },
  cursor_invalid: {
    'zh-CN': '翻页标记无效，请从第一页重新开始',
    en: 'This page marker is not valid; start again from the first page',
  },
  page_size_max: { 'zh-CN': '每页最多100条', en: 'At most 100 items per page' },
  date_format: { 'zh-CN': '日期格式为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  date_range_order: { 'zh-CN': '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  audit_action_invalid: { 'zh-CN': '操作类型不正确', en: 'Not a valid kind of action' },
  amount_fen: {
    'zh-CN': '金额须大于0，以分计且不超过10亿元',
    en: 'The amount must be more than zero, in whole fen, and at most 1 billion yuan',
  },
  preparatory_odd: { 'zh-CN': '筹备组成员须为单数', en: 'The preparatory group has an odd number of members' },
  preparatory_owners_half: {
    'zh-CN': '筹备组中业主代表不得少于一半',
    en: 'At least half of the preparatory group are owners’ representatives',
  },
  preparatory_street_lead: {
    'zh-CN': '筹备组须由街道办事处的代表担任组长（仅一名组长）',
    en: 'The preparatory group is led by the street office’s representative (one leader)',
  },
  committee_term_length: { 'zh-CN': '业主委员会每届任期不超过5年', en: 'A committee’s term is at most five years' },
  election_member_twice: {
    'zh-CN': '同一名成员不能对应两名当选人',
    en: 'One member cannot be linked to two of the elected',
  },
  election_two_chairs: { 'zh-CN': '只能有一名主任', en: 'There is one chair at most' },
  election_unlinked: {
    'zh-CN': '请为每一位当选人选择对应的成员（或标明暂不就任）',
    en: 'Link every elected person to a member (or mark them as not taking the seat)',
  },
  evaluation_period: {
    'zh-CN': '考评期格式为年度（2026）、半年（2026-H1）或季度（2026-Q3）',
    en: 'A period is a year (2026), a half (2026-H1) or a quarter (2026-Q3)',
  },
  period_format: { 'zh-CN': '月份格式为 YYYY-MM', en: 'Months are written YYYY-MM' },
  account_code: { 'zh-CN': '科目编码为4至8位数字', en: 'An account code has 4 to 8 digits' },
  line_one_side: {
    'zh-CN': '每一行只填借方或贷方中的一项',
    en: 'Fill in either the debit or the credit of each line, not both',
  },
  memo_required: { 'zh-CN': '请填写摘要', en: 'Enter a description' },
  calendar_other_year: { 'zh-CN': '日期不在该年度内', en: 'The date is not in this year' },
  calendar_workday_weekday: {
    'zh-CN': '调休上班日应为周六或周日（工作日本来就上班）',
    en: 'A make-up working day is a Saturday or Sunday (weekdays are working days anyway)',
  },
  calendar_statutory_workday: {
    'zh-CN': '法定节假日不能设为上班日',
    en: 'A statutory holiday cannot be a working day',
  },
  calendar_day_twice: {
    'zh-CN': '同一天不能既放假又上班',
    en: 'A day cannot be both a holiday and a working day',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.hasOwn(VALIDATION_MESSAGES, value);
}
