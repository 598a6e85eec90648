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
  pageOfShares,
  seated,
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

describe('a distribution of many shares', () => {
  const shares = Array.from({ length: 120 }, (_, i) => ({
    ownerKey: `k${i}`,
    ownerNames: i === 0 ? [] : [`业主${i}`],
    units: [`${(i % 10) + 1}栋-${i}`],
    fen: 100 + i,
    paidAt: i % 3 === 0 ? '2026-10-01T00:00:00Z' : null,
  }));

  it('pages the unpaid ones and totals what is still owed', () => {
    const page = pageOfShares(shares, { q: '', state: 'unpaid', page: 1 });
    expect(page.matching).toBe(80);
    expect(page.pages).toBe(2);
    expect(page.items).toHaveLength(50);
    expect(page.items.every((s) => s.paidAt === null)).toBe(true);
    expect(page.unpaidOwners).toBe(80);
    expect(page.unpaidFen).toBe(shares.filter((s) => !s.paidAt).reduce((t, s) => t + s.fen, 0));
  });

  it('finds owners by name or unit, and keeps the page in range', () => {
    expect(pageOfShares(shares, { q: '业主12', state: 'all', page: 1 }).items.map((s) => s.ownerKey)).toEqual(['k12']);
    expect(pageOfShares(shares, { q: '3栋', state: 'all', page: 1 }).matching).toBe(12);
    expect(pageOfShares(shares, { q: '', state: 'paid', page: 9 }).page).toBe(1);
    expect(pageOfShares(shares, { q: '', state: 'all', page: Number.NaN }).page).toBe(1);
  });
});
