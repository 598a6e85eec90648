import { formatArea } from '@city/contracts';
import { printDateTime } from '@city/plugin-sdk/documents';
import { MATTER_TEXT, type Threshold } from '@city/plugin-sdk/voting';
import type { MeetingView } from '../contracts.ts';
import type { RollChange } from '../schema.ts';

// Notices and printouts go to the board by the gate: written in Chinese, like the core's printed board.

/** Times on the board and on paper: China Standard Time, written the Chinese way (as the core's printouts). */
export const printTime = (iso: string | Date) => printDateTime(typeof iso === 'string' ? new Date(iso) : iso);

export const QUORUM_RULE =
  '应由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决（民法典第二百七十八条）';
const THRESHOLD_RULE: Record<Threshold, string> = {
  ordinary: '须经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意',
  special: '须经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意',
};

/** "a/b (xx.xx%)": the percentage is for reading only; decisions use the exact integer comparisons. */
const share = (part: number, whole: number) =>
  whole ? `${(Math.floor((part * 10000) / whole) / 100).toFixed(2)}%` : '—';
export const areaText = (a: number, total: number) =>
  `${formatArea(a)} ㎡ / ${formatArea(total)} ㎡（${share(a, total)}）`;
export const countText = (c: number, total: number) => `${c} / ${total} 人（${share(c, total)}）`;

type MotionView = MeetingView['motions'][number];

const matterLine = (m: MotionView) =>
  `事项类型：第${MATTER_TEXT[m.matterType].item}项 ${MATTER_TEXT[m.matterType]['zh-CN']}`;

/** The roll's totals and commitment as the meeting notice publishes them. */
const rollLine = (roll: { area: number; count: number }, commitment: string | null) =>
  `业主名册（按本公告发布时的房屋登记）：计票主体 ${roll.count} 人，专有部分面积合计 ${formatArea(roll.area)} ㎡${commitment ? `，名册哈希 ${commitment}` : ''}。开始投票时名册按当时的房屋登记冻结，其间的变动届时另行公示；名册没有变动时，冻结名册的哈希与此相同。`;

/** The meeting notice on the 公示 board: agenda, voting window, how each motion is decided, how to vote. */
export function meetingNotice(meeting: MeetingView, votingUrl: string) {
  const agenda = meeting.motions.map((m, i) =>
    [
      `${i + 1}. ${m.title}`,
      `   ${matterLine(m)}`,
      m.kind === 'election'
        ? `   ${m.byElection ? '补选' : '选举'} ${m.seats} 名，候选人：${m.candidates.map((c) => c.name).join('、')}；每张选票最多选 ${m.seats} 人，${THRESHOLD_RULE.ordinary}方可当选`
        : `   表决规则：${THRESHOLD_RULE[m.threshold]}`,
      m.description ? `   说明：${m.description}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    meeting.description,
    `投票时间：${printTime(meeting.opensAt)} 至 ${printTime(meeting.closesAt)}`,
    meeting.announcedRoll ? rollLine(meeting.announcedRoll, meeting.announcedRollHash) : '',
    `参与条件：${QUORUM_RULE}。`,
    '表决事项：',
    ...agenda,
    `投票方式：已认证的业主可在网上投票（${votingUrl}）；也可填写纸质表决票交业主委员会，或书面委托他人代为表决。每个计票主体（同一买受人的全部房屋、建设单位未售或未交付的房屋各计一人）每项只计一票。`,
  ]
    .filter(Boolean)
    .join('\n');
}

export const OUTCOME = {
  passed: '通过',
  rejected: '未通过',
  not_decided: '未达到参与表决条件，本项未作出决定',
} as const;

/** The result lines of one motion, for the result notice and its printout. */
export function resultLines(m: MotionView): string[] {
  const r = m.result;
  if (!r) return ['尚未计票'];
  const head = [
    `${matterLine(m)}`,
    `参与表决：面积 ${areaText(r.participants.area, r.total.area)}；人数 ${countText(r.participants.count, r.total.count)}`,
  ];
  if ('outcome' in r) {
    return [
      ...head,
      `同意：面积 ${areaText(r.agree.area, r.participants.area)}；人数 ${countText(r.agree.count, r.participants.count)}`,
      `反对 ${r.oppose.count} 人（${formatArea(r.oppose.area)} ㎡）；弃权 ${r.abstain.count} 人（${formatArea(r.abstain.area)} ㎡）；废票 ${r.invalid.count} 张（${formatArea(r.invalid.area)} ㎡）`,
      `表决规则：${THRESHOLD_RULE[r.threshold]}`,
      `结果：${OUTCOME[r.outcome]}`,
    ];
  }
  const name = new Map(m.candidates.map((c) => [c.id, c.name]));
  return [
    ...head,
    ...r.candidates.map(
      (c) =>
        `${name.get(c.id)}：同意 ${c.agree.count} 人，${formatArea(c.agree.area)} ㎡${c.elected ? '，当选' : c.tied ? '，票数相同（需另行选举）' : c.approved ? '，同意票达到过半数但名次未入选' : '，未过半数'}`,
    ),
    !r.quorumMet ? `结果：${OUTCOME.not_decided}` : `当选：${r.elected.map((id) => name.get(id)).join('、') || '无'}`,
    ...(r.tie
      ? [
          `并列：${r.tie.candidateIds.map((id) => name.get(id)).join('、')} 票数相同，争夺 ${r.tie.seats} 个席位，需另行选举`,
        ]
      : []),
    ...(r.emptySeats ? [`空缺席位：${r.emptySeats} 个`] : []),
  ];
}

export function resultNotice(meeting: MeetingView, verifyUrl: string) {
  return [
    `${meeting.title} 已于 ${printTime(meeting.closedAt ?? meeting.closesAt)} 结束投票并计票，结果如下。`,
    ...meeting.motions.flatMap((m, i) => [`${i + 1}. ${m.title}`, ...resultLines(m).map((l) => `   ${l}`)]),
    `业主名册哈希：${meeting.rollHash}`,
    `表决记录链头：${meeting.chainHead}`,
    `每张表决票都有回执码，可在 ${verifyUrl} 核对记录内容；任何人都可以重新计算表决记录链，验证没有被篡改。`,
  ].join('\n');
}

const RECORDED: Record<RollChange['records'][number]['kind'], (reason: string | null) => string> = {
  owners_changed: (reason) => (reason ? `变更业主，原因：${reason}` : '变更业主'),
  unit_updated: () => '修改房屋信息',
  imported: (file) => (file ? `导入房屋登记表（${file}）` : '导入房屋登记表'),
  owners_merged: () => '确认为同一业主，合并业主记录',
};

/** One changed unit on the opening's 公示: what changed for the count, and what the registry recorded about it. */
function rollChangeLine(change: RollChange) {
  const area = `计票面积 ${change.areaBefore === null ? '—' : formatArea(change.areaBefore)} ㎡ → ${change.areaAfter === null ? '—' : formatArea(change.areaAfter)} ㎡`;
  const what = {
    owners: '业主变更',
    voters: '指定投票人变更',
    area,
    owners_and_area: `业主变更，${area}`,
    added: `新登记的房屋（${change.areaAfter === null ? '—' : formatArea(change.areaAfter)} ㎡）`,
    removed: '已不在房屋登记中',
  }[change.what];
  const recorded = [...new Set(change.records.map((r) => RECORDED[r.kind](r.reason)))];
  return `${change.address ?? change.unitId}：${what}（${recorded.length ? `登记记录：${recorded.join('；')}` : '登记中没有记录变更原因'}）`;
}

/** The list on the notice stops at this many characters (a notice holds 20,000); the full list stays on record. */
const LIST_BUDGET = 16_000;

/**
 * The 公示 published when voting opens: the frozen roll's totals against those announced, and every unit whose
 * counting owner or counting area changed in the registry in between, with the reason the registry recorded.
 */
export function rollChangesNotice(
  meeting: { title: string; announcedAt: Date; openedAt: Date },
  announced: { area: number; count: number; commitment: string | null } | null,
  frozen: { area: number; count: number; commitment: string },
  changes: RollChange[],
) {
  const listed: string[] = [];
  let size = 0;
  for (const [i, change] of changes.entries()) {
    const line = `${i + 1}. ${rollChangeLine(change)}`;
    if ((size += line.length + 1) > LIST_BUDGET) break;
    listed.push(line);
  }
  return [
    `${meeting.title} 于 ${printTime(meeting.openedAt)} 开始投票，业主名册按此时的房屋登记冻结：计票主体 ${frozen.count} 人，专有部分面积合计 ${formatArea(frozen.area)} ㎡，名册哈希 ${frozen.commitment}。`,
    announced
      ? `发布会议公告时（${printTime(meeting.announcedAt)}）：计票主体 ${announced.count} 人，专有部分面积合计 ${formatArea(announced.area)} ㎡${announced.commitment ? `，名册哈希 ${announced.commitment}（${announced.commitment === frozen.commitment ? '与冻结名册相同' : '与冻结名册不同，变动见下'}）` : ''}。`
      : '',
    changes.length
      ? `公告发布后至开始投票，房屋登记中影响计票的变动共 ${changes.length} 户：`
      : '公告发布后至开始投票，房屋登记没有影响计票的变动。',
    ...listed,
    changes.length > listed.length
      ? `另有 ${changes.length - listed.length} 户变动，完整清单已记入本次会议的记录。`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}
