import { definePluginErrors } from '@city/plugin-sdk';
import type { Difference } from '../board/index.ts';

export const fail = definePluginErrors('voting', {
  topic_missing: { status: 404, 'zh-CN': '没有这个议题', en: 'No such topic' },
  reply_missing: { status: 404, 'zh-CN': '没有这条回复', en: 'No such reply' },
  meeting_missing: { status: 404, 'zh-CN': '没有这次会议', en: 'No such meeting' },
  motion_missing: { status: 404, 'zh-CN': '没有这项议案', en: 'No such motion' },
  report_missing: { status: 404, 'zh-CN': '没有这条待处理的举报', en: 'No such open report' },
  ballot_missing: { status: 404, 'zh-CN': '没有这张表决票', en: 'No such ballot' },
  receipt_missing: { status: 404, 'zh-CN': '没有找到这个回执码', en: 'No ballot has this receipt code' },
  building_missing: { status: 404, 'zh-CN': '没有这个楼栋', en: 'No such building' },
  not_verified: { status: 403, 'zh-CN': '请先完成房屋认证', en: 'Verify your home first' },
  not_a_voter: {
    status: 403,
    'zh-CN': '您不是该计票主体的业主或指定表决人',
    en: 'You are not an owner or the designated voter of this counting owner',
  },
  already_supported: { status: 409, 'zh-CN': '您已附议过该议题', en: 'You have already supported this topic' },
  topic_hidden: { status: 409, 'zh-CN': '该议题已被隐藏', en: 'This topic is hidden' },
  already_motion: { status: 409, 'zh-CN': '该议题已转为议案', en: 'This topic has already become a motion' },
  not_enough_support: {
    status: 409,
    'zh-CN': '附议人数未达到转为议案的门槛',
    en: 'The topic has not reached the support needed to become a motion',
  },
  not_draft: {
    status: 409,
    'zh-CN': '会议已发布公告，议程不能再修改',
    en: 'The meeting has been announced; its agenda can no longer change',
  },
  no_motions: { status: 409, 'zh-CN': '会议至少需要一项议案', en: 'A meeting needs at least one motion' },
  notice_period: {
    status: 409,
    'zh-CN': '投票开始时间须在公告发布满规定天数之后',
    en: 'Voting may open only after the notice period from the announcement',
  },
  not_announced: { status: 409, 'zh-CN': '会议尚未发布公告', en: 'The meeting has not been announced' },
  too_early: { status: 409, 'zh-CN': '还未到投票开始时间', en: 'Voting has not reached its opening time' },
  roll_incomplete: {
    status: 422,
    'zh-CN': '业主名册不完整，无法冻结',
    en: 'The owner roll is incomplete and cannot be frozen',
  },
  roll_lookalikes: {
    status: 409,
    'zh-CN': '有疑似同一人的业主记录尚未确认，无法冻结业主名册',
    en: 'Owner records that may be one person await confirmation; the roll cannot be frozen',
  },
  not_open: { status: 409, 'zh-CN': '投票未在进行中', en: 'Voting is not open' },
  voting_ended: { status: 409, 'zh-CN': '网上投票已截止', en: 'Online voting has ended' },
  too_early_to_close: {
    status: 409,
    'zh-CN': '投票期尚未结束，不能提前计票',
    en: 'The voting period has not ended; it cannot be closed early',
  },
  pending_ballots: {
    status: 409,
    'zh-CN': '还有纸质或委托表决票等待第二人核对',
    en: 'Paper or proxy ballots still await their second check',
  },
  already_voted: {
    status: 409,
    'zh-CN': '该计票主体已投票，本次会议不允许改票',
    en: 'This counting owner has voted; this meeting does not allow changes',
  },
  ballot_pending: {
    status: 409,
    'zh-CN': '该计票主体的纸质或委托表决票正在核对中',
    en: 'A paper or proxy ballot for this counting owner awaits its check',
  },
  choices_incomplete: { status: 400, 'zh-CN': '请对每一项议案作出选择', en: 'Answer every motion' },
  choice_invalid: { status: 400, 'zh-CN': '选择与议案不符', en: 'A choice does not fit its motion' },
  too_many_candidates: {
    status: 400,
    'zh-CN': '选择的候选人超过应选席位',
    en: 'More candidates chosen than there are seats',
  },
  idempotency_mismatch: {
    status: 409,
    'zh-CN': '这个请求编号已用于另一张表决票',
    en: 'This Idempotency-Key was already used for another ballot',
  },
  same_person: {
    status: 409,
    'zh-CN': '录入人不能核对自己录入的表决票',
    en: 'The person who entered a ballot cannot confirm it',
  },
  not_pending: { status: 409, 'zh-CN': '该表决票不在待核对状态', en: 'This ballot is not awaiting a check' },
  not_closed: { status: 409, 'zh-CN': '会议尚未计票', en: 'The meeting has not been counted yet' },
  chain_broken: {
    status: 409,
    'zh-CN': '表决记录链核对不一致，不能计票，请联系平台核查',
    en: 'The ballot chain does not check out; the meeting cannot be counted until it is investigated',
  },
  received_late: {
    status: 409,
    'zh-CN': '该表决票在投票截止后才收到，不能计入',
    en: 'This sheet was received after the voting deadline and cannot be counted',
  },
  received_future: { status: 400, 'zh-CN': '收票时间不能晚于现在', en: 'The time received cannot be in the future' },
  sheet_taken: {
    status: 409,
    'zh-CN': '这个表决票编号已经录入过，同一编号只能录入一次',
    en: 'A ballot with this sheet number has already been entered; each number is entered once',
  },
  document_missing: { status: 404, 'zh-CN': '没有这份委托书', en: 'No such authorisation document' },
  document_invalid: {
    status: 400,
    'zh-CN': '委托书须为 JPEG、PNG、WebP 图片或 PDF 文件',
    en: 'The authorisation must be a JPEG, PNG or WebP image or a PDF',
  },
  document_too_large: { status: 400, 'zh-CN': '委托书文件不能超过 1 MB', en: 'The authorisation file is over 1 MB' },
  proxy_limit: {
    status: 409,
    'zh-CN': '该受托人代理的业主已达到本小区规定的上限',
    en: 'This proxy holder already represents as many owners as the neighbourhood allows',
  },
  scope_invalid: {
    status: 400,
    'zh-CN': '表决范围中有不存在的楼栋',
    en: 'The scope names a building that does not exist',
  },
  board_missing: {
    status: 404,
    'zh-CN': '投票开始后才有公告板',
    en: 'The bulletin board exists once voting has opened',
  },
});

/** A chain difference as a problem's detail (the difference itself is in English: the verifier's words). */
export const differenceText = (d: Difference) => ({
  'zh-CN': `第一处不一致：${d.detail}`,
  en: `First difference: ${d.detail}`,
});
