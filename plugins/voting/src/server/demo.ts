import { newId } from '@city/plugin-sdk/schema';
import type { PluginContext } from '@city/plugin-sdk/server';
import type { MatterType } from '@city/plugin-sdk/voting';
import { asc, eq } from 'drizzle-orm';
import type { ChoiceInput } from '../contracts.ts';
import { ballots, meetings, motions, replies, rollOwners, supports, topics } from '../schema.ts';
import { acceptedBallot, ballotPapers } from './ballot-rules.ts';
import { motionsOf } from './meeting-rows.ts';
import { sealChain } from './ballot-sealing.ts';
import { receiptCode } from './receipts.ts';
import { PAGES } from '../pages.ts';
import { meetingView, type Settings } from './meetings.ts';
import { openVoting } from './opening.ts';
import { meetingNotice } from './texts.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A deterministic stream of numbers, so every demo start casts the same ballots. */
function sequence(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % max;
  };
}

async function topic(
  ctx: PluginContext<Settings>,
  title: string,
  body: string,
  author: string,
  supporters: number,
  replyBodies: string[],
  daysAgo: number,
) {
  const at = new Date(ctx.now().getTime() - daysAgo * DAY);
  const id = newId();
  await ctx.db.insert(topics).values({
    id,
    tenantId: ctx.tenant.id,
    title,
    body,
    authorId: newId(),
    authorName: author,
    supportCount: supporters,
    replyCount: replyBodies.length,
    createdAt: at,
    lastActivityAt: at,
  });
  for (let i = 0; i < supporters; i++)
    await ctx.db.insert(supports).values({ tenantId: ctx.tenant.id, topicId: id, userId: newId(), createdAt: at });
  for (const [i, body] of replyBodies.entries()) {
    await ctx.db.insert(replies).values({
      id: newId(),
      tenantId: ctx.tenant.id,
      topicId: id,
      authorId: newId(),
      authorName: ['王伟', '李娜', '张敏'][i % 3]!,
      body,
      createdAt: new Date(at.getTime() + (i + 1) * 3600_000),
    });
  }
}

interface DemoMeeting {
  title: string;
  description: string;
  announcedDaysAgo: number;
  opensDaysAgo: number;
  closesInDays: number;
  /** `scope`: the buildings (by name) whose owners decide it. */
  motions: Array<{ matterType: MatterType; title: string; description: string; scope?: string[] }>;
  /** Share of counting owners (per 100) who have voted, and share of those who agree (per 100). */
  turnout: number;
  agree: number;
  /** Counting owners whose first unit is in these buildings have not voted yet. */
  skipBuildings: string[];
  /** Seeds the stream of choices, so every demo start casts the same ballots. */
  seed: number;
}

/**
 * 金色家园's two 业主大会: one open for voting, one whose voting period has just ended, awaiting its count. Each was
 * announced a full notice period before it opened (docs/domain.md §1; demo.test.ts checks it at every time of day).
 */
export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    title: '2026年第二次业主大会',
    description: '本次会议表决物业服务合同续签和1栋电梯更换事项，请各位业主在投票期内表决。',
    announcedDaysAgo: 18,
    opensDaysAgo: 2,
    closesInDays: 12,
    motions: [
      {
        matterType: 'property_manager',
        title: '续聘重庆恒安物业服务有限公司（三年）',
        description: '服务标准和收费不变，合同期2027年1月至2029年12月。',
      },
      {
        matterType: 'use_maintenance_fund',
        title: '使用专项维修资金更换1栋两部电梯',
        description: '预算 68 万元，由1栋业主分摊的维修资金列支，由1栋业主表决。',
        scope: ['1栋'],
      },
      {
        matterType: 'common_parts_use',
        title: '在1栋、2栋大堂设置智能快递柜',
        description: '快递柜企业每年支付场地使用费 1.2 万元，计入小区公共收益。',
      },
    ],
    turnout: 62,
    agree: 78,
    skipBuildings: ['1栋'],
    seed: 7,
  },
  {
    title: '关于增设电动自行车充电棚的业主大会',
    description: '由业主议题“地下车库增设电动自行车充电棚”转来，表决改变地下车库部分区域用途。',
    announcedDaysAgo: 40,
    opensDaysAgo: 21,
    closesInDays: -1 / 24,
    motions: [
      {
        matterType: 'common_parts_use',
        title: '将地下车库B区约120平方米改为电动自行车充电棚',
        description: '建设费用从公共收益中列支，建成后按次收费。',
      },
      {
        matterType: 'other_major',
        title: '充电棚收费标准：每次1元（充满为止）',
        description: '收入计入小区公共收益，每季度公示。',
      },
    ],
    turnout: 74,
    agree: 86,
    skipBuildings: [],
    seed: 11,
  },
];

/** A demo meeting's times, relative to the moment the demo is seeded. */
export function demoSchedule(spec: DemoMeeting, now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  return {
    announcedAt: at(-spec.announcedDaysAgo),
    opensAt: at(-spec.opensDaysAgo),
    closesAt: at(spec.closesInDays),
  };
}

/** A meeting announced, opened on a frozen roll, with ballots cast on paper so far (a real chain, real receipts). */
async function meeting(ctx: PluginContext<Settings>, spec: DemoMeeting) {
  const now = ctx.now().getTime();
  const schedule = demoSchedule(spec, ctx.now());
  const id = newId();
  await ctx.db.insert(meetings).values({
    id,
    tenantId: ctx.tenant.id,
    title: spec.title,
    description: spec.description,
    status: 'draft',
    opensAt: schedule.opensAt,
    closesAt: schedule.closesAt,
    disclosure: 'room',
    createdBy: newId(),
    createdAt: new Date(now - (spec.announcedDaysAgo + 2) * DAY),
  });
  const buildingId = new Map((await ctx.registry.buildings()).map((b) => [b.name, b.id]));
  await ctx.db.insert(motions).values(
    spec.motions.map(({ scope, ...m }, i) => ({
      id: newId(),
      tenantId: ctx.tenant.id,
      meetingId: id,
      position: i + 1,
      kind: 'motion' as const,
      ...m,
      scope: scope?.map((name) => buildingId.get(name)!) ?? null,
    })),
  );
  const [draft] = await ctx.db.select().from(meetings).where(eq(meetings.id, id));
  // A meeting whose voting period is over has its notice off the board already (a 公示 cannot be published expired).
  const closesAt = schedule.closesAt.getTime();
  const notice =
    closesAt <= now
      ? null
      : await ctx.notices.publish({
          category: 'disclosure',
          title: `关于召开业主大会的公告：${spec.title}`,
          body: meetingNotice(
            await meetingView(ctx, draft!, ctx.settings),
            ctx.links.href(PAGES.meeting, { meetingId: id }),
          ),
          attachments: [],
          audience: 'public',
          buildingId: null,
          pinned: false,
          publishAt: null,
          expiresAt: new Date(closesAt).toISOString(),
        });
  await ctx.db
    .update(meetings)
    .set({ announcedAt: schedule.announcedAt, noticeId: notice?.id ?? null })
    .where(eq(meetings.id, id));
  const opened = await openVoting(ctx, { ...draft!, status: 'announced' }, schedule.opensAt);
  // The registry does not change in the demo between the announcement and the opening.
  await ctx.db
    .update(meetings)
    .set({
      announcedRollArea: opened.rollArea,
      announcedRollCount: opened.rollCount,
      announcedRollHash: opened.rollHash,
    })
    .where(eq(meetings.id, id));

  const agenda = await motionsOf(ctx, id);
  const owners = await ctx.db
    .select({ id: rollOwners.id, label: rollOwners.label, kind: rollOwners.kind })
    .from(rollOwners)
    .where(eq(rollOwners.meetingId, id))
    .orderBy(asc(rollOwners.label));
  const paperOf = await ballotPapers(
    ctx,
    id,
    agenda,
    owners.map((o) => o.id),
  );
  const next = sequence(spec.seed);
  const ballotRows = [];
  for (const [i, owner] of owners.entries()) {
    if (
      owner.kind === 'developer' ||
      spec.skipBuildings.some((b) => owner.label.startsWith(`${b} `)) ||
      next(100) >= spec.turnout
    )
      continue;
    const choices: ChoiceInput[] = paperOf(owner.id).map((m) => ({
      motionId: m.id,
      choice: next(100) < spec.agree ? 'agree' : next(100) < 60 ? 'oppose' : 'abstain',
    }));
    const acceptedAt = new Date(now - (spec.opensDaysAgo * DAY) / 2 + i * 60_000);
    const facts = {
      meetingId: id,
      rollOwnerId: owner.id,
      receipt: receiptCode(),
      channel: 'paper' as const,
      choices,
      acceptedAt,
      supersedes: null,
    };
    ballotRows.push(
      acceptedBallot(ctx, facts, {
        paperRef: `No.${String(i + 1).padStart(4, '0')}`,
        receivedAt: new Date(acceptedAt.getTime() - 3600_000),
      }),
    );
  }
  await ctx.db.insert(ballots).values(ballotRows);
  await sealChain(ctx, id, 'wait');
}

/** 金色家园's 议事 and two 业主大会: one open for voting, one whose voting period has just ended, awaiting its count. */
export async function demo(ctx: PluginContext<Settings>) {
  await topic(
    ctx,
    '地下车库增设电动自行车充电棚',
    '小区电动自行车越来越多，楼道充电有火灾隐患。建议在地下车库B区划出一块地方，建充电棚，按次收费。',
    '王建华',
    31,
    ['支持，楼道充电太危险了。', '收费标准要公示，最好能刷卡。', '建议同时装监控。'],
    40,
  );
  await topic(
    ctx,
    '1栋电梯老化，申请使用维修资金更换',
    '1栋两部电梯已运行15年，今年故障停运7次。建议使用专项维修资金更换。',
    '李秀英',
    12,
    ['同意，上周又困人了。'],
    6,
  );
  await topic(
    ctx,
    '小区绿地能否增设儿童游乐设施',
    '中心花园有一块空地，希望增设滑梯和沙池，方便孩子活动。',
    '张晓东',
    4,
    [],
    2,
  );
  for (const spec of DEMO_MEETINGS) await meeting(ctx, spec);
}
