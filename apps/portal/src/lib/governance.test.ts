import { EVALUATION_CRITERIA, PREPARATORY_SEATS, type Governance } from '@city/contracts';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CRITERIA,
  SEATS,
  bySupervisionUrgency,
  daysBetween,
  deadline,
  defaultPeriod,
  filingState,
  membersOf,
  orderMembers,
  periodChoices,
  periodParts,
  rowField,
  scoresOf,
  termState,
  urgency,
} from './governance.ts';

describe("the API's choices", () => {
  it('are offered as the API lists them', () => {
    expect(SEATS).toEqual(PREPARATORY_SEATS);
    expect(DEFAULT_CRITERIA).toEqual(EVALUATION_CRITERIA);
  });
});

describe('the preparatory group as listed', () => {
  it('puts the lead first, then the street and community, owners last, keeping order within a seat', () => {
    const members = [
      { name: '王业主', seat: 'owner', lead: false },
      { name: '李社区', seat: 'community', lead: false },
      { name: '赵业主', seat: 'owner', lead: false },
      { name: '钱开发', seat: 'developer', lead: false },
      { name: '张街道', seat: 'street', lead: true },
    ] as const;
    expect(orderMembers(members).map((m) => m.name)).toEqual(['张街道', '李社区', '钱开发', '王业主', '赵业主']);
  });
});

describe('deadlines in days', () => {
  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('says days left, due today, or overdue, warning within a month', () => {
    expect(deadline(45)).toEqual({ state: 'left', days: 45, tone: 'neutral' });
    expect(deadline(30)).toEqual({ state: 'left', days: 30, tone: 'warning' });
    expect(deadline(0)).toEqual({ state: 'today', days: 0, tone: 'warning' });
    expect(deadline(-3)).toEqual({ state: 'overdue', days: 3, tone: 'danger' });
  });

  it('reads a filing as done, due or overdue', () => {
    expect(filingState({ filedOn: '2026-02-01', filingDue: '2026-02-10', filingOverdue: false }, '2026-03-01')).toEqual(
      { state: 'filed', tone: 'success' },
    );
    expect(filingState({ filedOn: null, filingDue: '2026-02-10', filingOverdue: false }, '2026-02-01')).toEqual({
      state: 'due',
      days: 9,
      tone: 'warning',
    });
    expect(filingState({ filedOn: null, filingDue: '2026-02-10', filingOverdue: true }, '2026-02-15')).toEqual({
      state: 'overdue',
      days: 5,
      tone: 'danger',
    });
  });

  it('reads a term as running, ending within half a year, or expired', () => {
    expect(termState(400).state).toBe('running');
    expect(termState(180)).toEqual({ state: 'ending', days: 180, tone: 'warning' });
    expect(termState(-2)).toEqual({ state: 'expired', days: 2, tone: 'danger' });
  });
});

const group = (daysLeft: number): NonNullable<Governance['preparatory']> => ({
  id: 'g',
  formedOn: '2026-01-01',
  firstMeetingDue: '2026-04-01',
  firstMeetingOn: null,
  daysLeft,
  overdue: daysLeft < 0,
  noticeId: 'n',
  members: [],
});
const term = (over: Partial<NonNullable<Governance['term']>> = {}): NonNullable<Governance['term']> => ({
  id: 't',
  electedOn: '2026-01-01',
  startsOn: '2026-01-01',
  endsOn: '2031-01-01',
  seats: 5,
  seated: 5,
  vacancies: 0,
  electedBy: null,
  filingDue: '2026-01-31',
  filedOn: '2026-01-20',
  filingOverdue: false,
  registrationNo: null,
  bankAccount: null,
  documents: [],
  daysToEnd: 1500,
  ...over,
});

describe("a supervisor's list", () => {
  const today = '2026-03-01';

  it('counts what is overdue and the nearest deadline', () => {
    expect(urgency({ preparatory: null, term: null }, today)).toEqual({ overdue: 0, nextDays: null });
    expect(urgency({ preparatory: group(-4), term: null }, today)).toEqual({ overdue: 1, nextDays: null });
    expect(
      urgency(
        {
          preparatory: null,
          term: term({ filedOn: null, filingDue: '2026-02-20', filingOverdue: true, daysToEnd: -1 }),
        },
        today,
      ),
    ).toEqual({ overdue: 2, nextDays: null });
    expect(urgency({ preparatory: group(40), term: term({ daysToEnd: 12 }) }, today)).toEqual({
      overdue: 0,
      nextDays: 12,
    });
  });

  it('puts overdue neighbourhoods first, then the nearest deadline, those with none last', () => {
    const row = (name: string, governance: Governance) => ({ neighbourhood: { slug: name, name }, governance });
    const rows = [
      row('无', { preparatory: null, term: null }),
      row('远', { preparatory: group(80), term: null }),
      row('近', { preparatory: group(5), term: null }),
      row('逾期', { preparatory: group(-1), term: null }),
      row('两项逾期', { preparatory: group(-1), term: term({ daysToEnd: -3 }) }),
    ];
    expect(bySupervisionUrgency(rows, today).map((r) => r.neighbourhood.name)).toEqual([
      '两项逾期',
      '逾期',
      '近',
      '远',
      '无',
    ]);
  });
});

describe('evaluation periods', () => {
  it('reads a year, a half and a quarter, and nothing else', () => {
    expect(periodParts('2026')).toEqual({ year: '2026', part: 'year' });
    expect(periodParts('2026-H1')).toEqual({ year: '2026', part: 'H1' });
    expect(periodParts('2026-Q3')).toEqual({ year: '2026', part: 'Q3' });
    expect(periodParts('2026-Q5')).toBeNull();
    expect(periodParts('26')).toBeNull();
  });

  it("offers this year's and last year's periods, defaulting to the half-year last completed", () => {
    const choices = periodChoices('2026-05-10');
    expect(choices).toHaveLength(14);
    expect(choices.slice(0, 3)).toEqual(['2026', '2026-H2', '2026-H1']);
    expect(choices).toContain('2025-Q4');
    expect(defaultPeriod('2026-05-10')).toBe('2025-H2');
    expect(defaultPeriod('2026-07-01')).toBe('2026-H1');
    expect(choices).toContain(defaultPeriod('2026-05-10'));
  });
});

describe('forms with rows', () => {
  it("skips members without a name and remembers each member's row and the lead", () => {
    const { members, rowOf } = membersOf(
      [
        { name: ' 张街道 ', seat: 'street' },
        { name: '', seat: 'owner' },
        { name: '王业主', seat: 'owner' },
        { name: '李某', seat: 'nonsense' },
      ],
      0,
    );
    expect(members).toEqual([
      { name: '张街道', seat: 'street', lead: true, userId: null },
      { name: '王业主', seat: 'owner', lead: false, userId: null },
      { name: '李某', seat: 'owner', lead: false, userId: null },
    ]);
    expect(rowOf).toEqual([0, 2, 3]);
  });

  it('skips blank score rows and refuses a criterion without a score', () => {
    const { scores, rowOf, missing } = scoresOf([
      { criterion: '依法履职', score: '5', remark: '' },
      { criterion: '', score: '', remark: '' },
      { criterion: '财务公开', score: '', remark: '' },
      { criterion: '议事规范', score: '3', remark: ' 会议记录不全 ' },
    ]);
    expect(scores).toEqual([
      { criterion: '依法履职', score: 5, remark: '' },
      { criterion: '议事规范', score: 3, remark: '会议记录不全' },
    ]);
    expect(rowOf).toEqual([0, 3]);
    expect(missing).toEqual(['score.2']);
  });

  it("puts the API's errors back on the form's rows", () => {
    expect(rowField('members.1.name', 'members', [0, 2])).toBe('name.2');
    expect(rowField('scores.0.criterion', 'scores', [3])).toBe('criterion.3');
    expect(rowField('members', 'members', [0])).toBe('members');
    expect(rowField('formedOn', 'members', [0])).toBe('formedOn');
  });
});
