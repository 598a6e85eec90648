import { formatArea } from '@city/contracts';
import { renderPrintedNotice, writeTable, type SheetFormat } from '@city/plugin-sdk/documents';
import type { PluginContext } from '@city/plugin-sdk/server';
import { and, asc, eq } from 'drizzle-orm';
import type { Choice, ChoiceInput, MeetingView } from '../contracts.ts';
import { ballots, motions, rollOwners } from '../schema.ts';
import { fail } from './errors.ts';
import { FILES, PAGES } from '../pages.ts';
import { meetingView, type Settings } from './meetings.ts';
import { loadMeeting, type Meeting } from './meeting-rows.ts';
import { reconcile, reconciliationLines } from './reconciliation.ts';
import { areaText, countText, OUTCOME, printTime, QUORUM_RULE, resultLines } from './texts.ts';

const ANSWER = { agree: '同意', oppose: '反对', abstain: '弃权', invalid: '废票' } as const;
const CHANNEL = { online: '网上', paper: '纸质', proxy: '委托' } as const;

type AgendaItem = { id: string; candidates: Array<{ id: string; name: string }> };

/** What a ballot recorded for one motion: the choice, or the chosen candidates by name. */
export function recordedAnswer(
  motion: AgendaItem,
  choices: ChoiceInput[],
): { choice: Choice | null; candidates: string[] } {
  const answer = choices.find((c) => c.motionId === motion.id);
  if (!answer || 'choice' in answer) return { choice: answer?.choice ?? null, candidates: [] };
  const names = new Map(motion.candidates.map((c) => [c.id, c.name]));
  return { choice: null, candidates: answer.candidateIds.map((id) => names.get(id) ?? '?') };
}

/** The same in words, for the printed and exported tables (Chinese, like every printout). */
function answerText(motion: AgendaItem, choices: ChoiceInput[]) {
  const { choice, candidates } = recordedAnswer(motion, choices);
  if (choice) return ANSWER[choice];
  if (!choices.some((c) => c.motionId === motion.id)) return '';
  return candidates.length ? `选：${candidates.join('、')}` : '未选任何候选人';
}

async function closedView(
  ctx: PluginContext<Settings>,
  meetingId: string,
): Promise<{ meeting: Meeting; view: MeetingView }> {
  const meeting = await loadMeeting(ctx, meetingId);
  if (meeting.status !== 'closed') throw fail('not_closed');
  return { meeting, view: await meetingView(ctx, meeting, ctx.settings) };
}

/** The result notice on paper: every motion's four figures and outcome, the hashes, a QR to the verification page. */
export async function resultPdf(ctx: PluginContext<Settings>, meetingId: string) {
  const { meeting, view } = await closedView(ctx, meetingId);
  const total = view.turnout!.total;
  const paper = await reconcile(ctx, meeting);
  return renderPrintedNotice(
    {
      neighbourhood: ctx.tenant.name,
      title: `业主大会表决结果公告`,
      url: ctx.links.publicHref(PAGES.verify),
      qrCaption: '扫码核对回执',
      printedAt: ctx.now(),
      sections: [
        {
          heading: view.title,
          lines: [
            `投票时间：${printTime(view.opensAt)} 至 ${printTime(view.closesAt)}`,
            `计票时间：${printTime(view.closedAt!)}`,
            `业主总数 ${total.count} 人，专有部分总面积 ${formatArea(total.area)} ㎡。${QUORUM_RULE}。`,
          ],
        },
        ...view.motions.map((m, i) => ({ heading: `${i + 1}. ${m.title}`, lines: resultLines(m) })),
        { heading: '纸质票对账', lines: reconciliationLines(paper, 'masked') },
      ],
      footer: [
        `业主名册承诺值 ${view.rollHash}`,
        `表决记录链头 ${view.chainHead}`,
        `核对回执：${ctx.links.publicHref(PAGES.verify)}`,
        `公告板（可离线复核）：${ctx.links.publicFileHref(FILES.board, { meetingId: meeting.id })}`,
      ],
    },
    ctx.fonts,
  );
}

/** The reconciliation as a table, with proxy holders' names (the export is for members). */
export async function reconciliationTable(ctx: PluginContext<Settings>, meetingId: string, format: SheetFormat) {
  const meeting = await loadMeeting(ctx, meetingId);
  if (meeting.status === 'draft') throw fail('meeting_missing');
  const r = await reconcile(ctx, meeting);
  const n = (v: number | null) => (v === null ? '' : String(v));
  const rows = [
    ['发放', n(r.issued)],
    ['回收', n(r.returned)],
    ['录入', n(r.entered)],
    ['核对通过', n(r.confirmed)],
    ['整张废票', n(r.invalid)],
    ['退回', n(r.rejected)],
    ['待核对', n(r.pending)],
    ['重复编号被拒', n(r.duplicatesRefused)],
    ...r.proxies.map((p) => [`受托人 ${p.holder}`, n(p.count)]),
  ];
  return writeTable({ header: ['项目', '张数'], rows }, format, '纸质票对账');
}

/**
 * The per-ballot table at the meeting's disclosure level: named (owners' names), room (addresses only) or hidden
 * (per-motion totals only, no ballot rows). Never with receipt codes: a code beside the choices would let anyone
 * holding one learn how that room voted.
 */
export async function resultTable(ctx: PluginContext<Settings>, meetingId: string, format: SheetFormat) {
  const { meeting, view } = await closedView(ctx, meetingId);
  if (meeting.disclosure === 'hidden') {
    const header = ['议案', '参与面积', '参与人数', '同意面积', '同意人数', '结果'];
    const rows = view.motions.map((m) => {
      const r = m.result!;
      const agree = 'agree' in r ? r.agree : { area: 0, count: 0 };
      const outcome =
        'outcome' in r ? OUTCOME[r.outcome] : r.elected.length ? `当选 ${r.elected.length} 人` : '无人当选';
      return [
        m.title,
        areaText(r.participants.area, r.total.area),
        countText(r.participants.count, r.total.count),
        formatArea(agree.area),
        String(agree.count),
        outcome,
      ];
    });
    return writeTable({ header, rows }, format, '表决结果');
  }
  const agenda = await ctx.db
    .select({ id: motions.id })
    .from(motions)
    .where(eq(motions.meetingId, meeting.id))
    .orderBy(asc(motions.position));
  const rows = await ctx.db
    .select({
      label: rollOwners.label,
      names: rollOwners.names,
      kind: rollOwners.kind,
      area: rollOwners.area,
      channel: ballots.channel,
      choices: ballots.choices,
    })
    .from(ballots)
    .innerJoin(rollOwners, eq(rollOwners.id, ballots.rollOwnerId))
    .where(and(eq(ballots.meetingId, meeting.id), eq(ballots.status, 'accepted')))
    .orderBy(asc(rollOwners.label));
  const named = meeting.disclosure === 'named';
  const motionsById = new Map(view.motions.map((m) => [m.id, m]));
  const header = ['房屋', ...(named ? ['业主'] : []), '面积（㎡）', '方式', ...view.motions.map((m) => m.title)];
  const body = rows.map((r) => [
    r.kind === 'developer' ? '建设单位（未售、未交付部分）' : r.label,
    // The table is the official (Chinese) record: co-owners as a Chinese list.
    ...(named ? [r.kind === 'developer' ? '建设单位' : r.names.join('、')] : []),
    formatArea(r.area),
    CHANNEL[r.channel],
    ...agenda.map((m) => answerText(motionsById.get(m.id)!, r.choices as unknown as ChoiceInput[])),
  ]);
  return writeTable({ header, rows: body }, format, '表决明细');
}
