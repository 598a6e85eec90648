import {
  COMMITTEE_BODIES,
  COMMITTEE_LEAVE_REASONS,
  COMMITTEE_POSITIONS,
  LEDGER_ACCOUNT_TYPES,
  type CommitteeMember,
  type Expense,
} from '@city/contracts';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_TYPES,
  BODIES,
  LEAVE_REASONS,
  POSITIONS,
  beijingToday,
  failureOf,
  fieldOf,
  journalField,
  journalLines,
  journalTotals,
  seated,
  shareFilter,
  signable,
  shiftMonth,
} from './ledger.ts';

describe("the API's choices", () => {
  it('are offered as the API lists them', () => {
    expect(ACCOUNT_TYPES).toEqual(LEDGER_ACCOUNT_TYPES);
    expect(BODIES).toEqual(COMMITTEE_BODIES);
    expect(POSITIONS).toEqual(COMMITTEE_POSITIONS);
    expect(LEAVE_REASONS).toEqual(COMMITTEE_LEAVE_REASONS);
  });
});

describe('months and days of the ledger', () => {
  it('takes the date in China', () => {
    expect(beijingToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(beijingToday(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
  });

  it('steps months across years', () => {
    expect(shiftMonth('2027-01', 1)).toBe('2026-12');
    expect(shiftMonth('2026-12', -1)).toBe('2027-01');
    expect(shiftMonth('2026-06', 0)).toBe('2026-06');
    expect(shiftMonth('2026-03', 15)).toBe('2024-12');
  });
});

describe('who signs', () => {
  const seat = (userId: string, body: 'committee' | 'supervisory', leftOn: string | null = null): CommitteeMember => ({
    id: `${userId}-${body}`,
    body,
    userId,
    name: userId,
    position: 'member',
    joinedOn: '2025-01-01',
    leftOn,
    leftReason: leftOn ? 'resigned' : null,
    partyPost: null,
  });
  const seats = [seat('zhao', 'committee'), seat('sun', 'supervisory'), seat('zhou', 'committee', '2026-01-01')];

  it('is a member holding a current seat on that body', () => {
    expect(seated(seats, 'committee', 'zhao')).toBe(true);
    expect(seated(seats, 'supervisory', 'zhao')).toBe(false);
    expect(seated(seats, 'supervisory', 'sun')).toBe(true);
    expect(seated(seats, 'committee', 'zhou')).toBe(false);
    expect(seated(seats, 'committee', undefined)).toBe(false);
  });

  it("offers the committee's approval to seated members other than the proposer, once, while it is open", () => {
    const expense = {
      status: 'proposed' as const,
      proposedBy: 'zhao',
      countersignNeeded: 1,
      signatures: [] as Expense['signatures'],
    };
    const both = [...seats, seat('qian', 'committee'), seat('qian', 'supervisory')];
    expect(signable(expense, both, 'zhao')).toEqual({ committee: false, supervisory: false });
    expect(signable(expense, both, 'sun')).toEqual({ committee: false, supervisory: true });
    expect(signable(expense, both, 'qian')).toEqual({ committee: true, supervisory: true });
    expect(signable({ ...expense, countersignNeeded: 0 }, both, 'sun')).toEqual({
      committee: false,
      supervisory: false,
    });
    const signed = [
      {
        body: 'committee' as const,
        userId: 'qian',
        name: '钱',
        decision: 'approve' as const,
        note: null,
        signedAt: '',
      },
    ];
    expect(signable({ ...expense, signatures: signed }, both, 'qian')).toEqual({ committee: false, supervisory: true });
    expect(signable({ ...expense, status: 'approved' }, both, 'qian')).toEqual({
      committee: false,
      supervisory: false,
    });
  });
});

describe('forms of a page with several', () => {
  const refused = {
    message: '金额格式不正确',
    fieldErrors: { amount: '金额格式不正确' },
    values: { _form: 'pay', _id: 'e1', amount: 'x' },
  };

  it('finds the failure of the form that was refused, and only that one', () => {
    expect(failureOf(refused, 'pay', 'e1')).toBe(refused);
    expect(failureOf(refused, 'pay', 'e2')).toBeNull();
    expect(failureOf(refused, 'income')).toBeNull();
    expect(failureOf({ done: 'pay' }, 'pay', 'e1')).toBeNull();
    expect(failureOf(null, 'pay')).toBeNull();
  });

  it('gives a field what was typed and its error, else the default', () => {
    expect(fieldOf(refused, 'amount', '1')).toEqual({ name: 'amount', value: 'x', error: '金额格式不正确' });
    expect(fieldOf(null, 'memo', '停车费')).toEqual({ name: 'memo', value: '停车费', error: undefined });
  });
});

describe('the journal form', () => {
  const rows = [
    { accountId: 'bank', debit: '8,000.50', credit: '' },
    { accountId: '', debit: '', credit: '' },
    { accountId: 'parking', debit: '', credit: '8000.5' },
  ];

  it('turns rows into lines in fen, skipping blank rows and remembering which row each came from', () => {
    expect(journalLines(rows)).toEqual({
      lines: [
        { accountId: 'bank', debitFen: 800_050, creditFen: 0 },
        { accountId: 'parking', debitFen: 0, creditFen: 800_050 },
      ],
      rowOf: [0, 2],
      errors: {},
    });
  });

  it('refuses a row with both sides, neither side, a bad amount or no account', () => {
    const { errors } = journalLines([
      { accountId: 'a', debit: '1', credit: '1' },
      { accountId: 'a', debit: '', credit: '' },
      { accountId: 'a', debit: '1.234', credit: '' },
      { accountId: '', debit: '', credit: '5' },
      { accountId: 'a', debit: '0', credit: '' },
    ]);
    expect(errors).toEqual({
      'debit.0': 'one_side',
      'debit.1': 'one_side',
      'debit.2': 'format',
      'accountId.3': 'account',
      'debit.4': 'zero',
    });
  });

  it('keeps running totals of what parses', () => {
    expect(journalTotals(rows)).toEqual({ debitFen: 800_050, creditFen: 800_050, balanced: true });
    expect(journalTotals([{ accountId: '', debit: '10', credit: 'x' }])).toEqual({
      debitFen: 1000,
      creditFen: 0,
      balanced: false,
    });
    expect(journalTotals([])).toEqual({ debitFen: 0, creditFen: 0, balanced: false });
  });

  it("puts the API's line errors back on the form's rows", () => {
    expect(journalField('lines.1.creditFen', [0, 2])).toBe('credit.2');
    expect(journalField('lines.0.debitFen', [0, 2])).toBe('debit.0');
    expect(journalField('lines.0.accountId', [3])).toBe('accountId.3');
    expect(journalField('lines.5.debitFen', [0])).toBe('lines.5.debitFen');
    expect(journalField('memo', [0])).toBe('memo');
  });
});

describe('a distribution page’s filter', () => {
  it('reads the search, the payment state and the cursor from the address', () => {
    const filter = (query: string) => shareFilter(new URLSearchParams(query));
    expect(filter('')).toEqual({ q: '', state: 'unpaid', cursor: undefined });
    expect(filter(`q=${encodeURIComponent('  张 ')}&state=paid&cursor=abc`)).toEqual({
      q: '张',
      state: 'paid',
      cursor: 'abc',
    });
    expect(filter('state=owed&cursor=').state).toBe('unpaid');
    expect(filter('state=owed&cursor=').cursor).toBeUndefined();
    expect(filter(`q=${'栋'.repeat(50)}`).q).toHaveLength(40);
  });
});
