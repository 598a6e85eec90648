import {
  addCommitteeMember,
  addDays,
  beijingDate,
  closePeriod,
  declareDividend,
  fileCommitteeTerm,
  ledgerAccounts,
  payExpense,
  proposeExpense,
  publishStatement,
  recordCrossAppointment,
  recordIncome,
  reviewPeriod,
  signExpense,
  startCommitteeTerm,
  statementFileLinks,
  type AuditContext,
} from '@city/core';
import { withTenant } from '@city/db';
import type { ApiServices } from '../services.ts';

interface Person {
  id: string;
  displayName: string;
}

/** `YYYY-MM-DD`, `monthsAgo` months before today's month in China, on `day`. */
function dayOf(today: string, monthsAgo: number, day: number) {
  const at = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() - monthsAgo);
  return `${at.toISOString().slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/**
 * 金色家园's governing bodies and three months of public revenue: the committee's term (elected 18 months ago, filed,
 * five seats) with 赵志强 主任 (also the party branch's secretary: 交叉任职) and 周建华, and the supervisory committee
 * (孙丽) seated; parking, advertising and venue income each month; a repair approved by both
 * committee members and paid; the two earlier months closed, the first reviewed, and its statement on 公示; a
 * distribution to the owners by area; this month, an expense waiting for signatures.
 */
export async function seedLedger(
  services: ApiServices,
  tenant: { id: string; slug: string },
  people: { treasurer: Person; chair: Person; member: Person; supervisor: Person },
) {
  const today = beijingDate(services.clock.now());
  const as = (person: Person): AuditContext => ({
    tenantId: tenant.id,
    actor: { id: person.id, displayName: person.displayName },
    at: services.clock.now(),
  });
  await withTenant(services.db, tenant.id, async (tx) => {
    const seat = (person: Person, body: 'committee' | 'supervisory', position: 'chair' | 'member') =>
      addCommitteeMember(tx, as(people.treasurer), {
        body,
        userId: person.id,
        position,
        joinedOn: dayOf(today, 18, 1),
      });
    const electedOn = dayOf(today, 18, 1);
    await startCommitteeTerm(
      tx,
      as(people.treasurer),
      {
        electedOn,
        startsOn: electedOn,
        endsOn: addDays(dayOf(today, -42, 1), -1),
        seats: 5,
        electedBy: '第二届业主委员会换届选举',
      },
      services.notifications,
    );
    await fileCommitteeTerm(tx, as(people.treasurer), {
      filedOn: dayOf(today, 18, 20),
      registrationNo: '52500227MJP0000000',
      bankAccount: '重庆农村商业银行璧山支行 3301 0120 0000 1234 567',
    });
    const chair = await seat(people.chair, 'committee', 'chair');
    await seat(people.member, 'committee', 'member');
    await seat(people.supervisor, 'supervisory', 'member');
    await recordCrossAppointment(tx, as(people.treasurer), chair.id, '小区党支部书记');

    const accounts = await ledgerAccounts(tx);
    const account = (purpose: string) => accounts.find((a) => a.purpose === purpose)!.id;
    const treasurer = as(people.treasurer);
    for (const monthsAgo of [2, 1, 0]) {
      const month = dayOf(today, monthsAgo, 1).slice(0, 7);
      // This month's income on its first day (never after today).
      const earn = (purpose: string, memo: string, amountFen: number, day: number) =>
        recordIncome(tx, treasurer, {
          occurredOn: dayOf(today, monthsAgo, monthsAgo === 0 ? 1 : day),
          memo: `${month} ${memo}`,
          amountFen,
          incomeAccountId: account(purpose),
          depositAccountId: account('bank'),
        });
      await earn('parking', '地面临时停车费', 1_418_000 + monthsAgo * 23_500, 5);
      await earn('advertising', '电梯广告费（璧山传媒）', 620_000, 10);
      if (monthsAgo !== 0) await earn('venue_rental', '架空层场地租赁（社区舞蹈队）', 80_000, 20);
    }

    // Last month: the gate's access control replaced, approved by both committee members and paid.
    const repair = await proposeExpense(tx, treasurer, {
      title: '更换2栋单元门禁',
      payee: '璧山安防工程有限公司',
      reason: '2栋两个单元门禁主板损坏，业主多次反映；已询价三家，此为最低报价。',
      amountFen: 386_000,
      expenseAccountId: account('repairs'),
    });
    await signExpense(tx, as(people.chair), repair.id, { decision: 'approve', note: '同意，报价合理' });
    await signExpense(tx, as(people.member), repair.id, { decision: 'approve' });
    await payExpense(tx, treasurer, repair.id, { occurredOn: dayOf(today, 1, 18), payAccountId: account('bank') });

    const twoMonthsAgo = dayOf(today, 2, 1).slice(0, 7);
    const lastMonth = dayOf(today, 1, 1).slice(0, 7);
    await closePeriod(tx, treasurer, twoMonthsAgo);
    await reviewPeriod(tx, as(people.supervisor), twoMonthsAgo, '收支凭证齐全，与银行流水相符。');
    await declareDividend(tx, treasurer, {
      title: `${today.slice(0, 4)}年上半年公共收益分红`,
      totalFen: 3_000_000,
      declaredOn: dayOf(today, 1, 25),
    });
    await closePeriod(tx, treasurer, lastMonth);
    await publishStatement(
      tx,
      treasurer,
      { from: twoMonthsAgo, to: twoMonthsAgo },
      { statementFile: statementFileLinks(services.publicUrl, tenant.slug, { from: twoMonthsAgo, to: twoMonthsAgo }) },
      services.notifications,
    );

    // This month: a purchase waiting for the committee's signatures.
    await proposeExpense(tx, as(people.chair), {
      title: '采购小区公共区域灭火器',
      payee: '重庆消防器材经营部',
      reason: '消防检查发现3栋、5栋部分灭火器过期，需更换24具。',
      amountFen: 216_000,
      expenseAccountId: account('repairs'),
    });
  });
}
