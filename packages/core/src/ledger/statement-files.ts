import type { LedgerStatement } from '@city/contracts';
import { renderPrintedNotice, type FontSource } from '@city/documents/pdf';
import { writeTable, type SheetData } from '@city/documents/sheets';

type Line = LedgerStatement['trialBalance']['lines'][number];

/** Fen as 元 the way a printed statement writes them: 12,500.00, with a minus sign for a balance on the other side. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** 2026-01 … 2026-12 → "2026年1月至12月"; one month → "2026年11月". */
export function periodLabel(from: string, to: string): string {
  const [fy, fm] = [from.slice(0, 4), Number(from.slice(5))];
  const [ty, tm] = [to.slice(0, 4), Number(to.slice(5))];
  if (from === to) return `${fy}年${fm}月`;
  return fy === ty ? `${fy}年${fm}月至${tm}月` : `${fy}年${fm}月至${ty}年${tm}月`;
}

const TYPE_NAMES = { asset: '资产', liability: '负债', equity: '净资产', income: '收入', expense: '支出' } as const;

/** The statements as one sheet: a block per statement, a row per account, amounts in 元 as numbers. */
export function statementSheet(statement: LedgerStatement): SheetData {
  const money = (fen: number) => fen / 100;
  const rows: (string | number)[][] = [];
  const block = (title: string, lines: Line[], amount: (line: Line) => (string | number)[]) => {
    for (const line of lines) rows.push([title, line.code, line.name, TYPE_NAMES[line.type], ...amount(line)]);
  };
  const { trialBalance, income, balanceSheet } = statement;
  block('科目余额表', trialBalance.lines, (l) => [money(l.debitFen), money(l.creditFen), money(l.balanceFen)]);
  rows.push(['科目余额表', '', '合计', '', money(trialBalance.debitFen), money(trialBalance.creditFen), '']);
  block('收支表', [...income.income, ...income.expense], (l) => ['', '', money(l.balanceFen)]);
  rows.push(['收支表', '', '收入合计', '', '', '', money(income.incomeFen)]);
  rows.push(['收支表', '', '支出合计', '', '', '', money(income.expenseFen)]);
  rows.push(['收支表', '', '收支结余', '', '', '', money(income.netFen)]);
  block('资产负债表', [...balanceSheet.assets, ...balanceSheet.liabilities, ...balanceSheet.equity], (l) => [
    '',
    '',
    money(l.balanceFen),
  ]);
  rows.push(['资产负债表', '', '累计收支结余', '', '', '', money(balanceSheet.retainedFen)]);
  rows.push(['资产负债表', '', '资产合计', '', '', '', money(balanceSheet.assetsFen)]);
  rows.push(['资产负债表', '', '负债和净资产合计', '', '', '', money(balanceSheet.liabilitiesAndEquityFen)]);
  return { header: ['报表', '科目编码', '科目名称', '类别', '借方（元）', '贷方（元）', '余额（元）'], rows };
}

export const statementXlsx = (statement: LedgerStatement) =>
  writeTable(statementSheet(statement), 'xlsx', '公共收益报表');

/** The statements printed for the notice board: a section per statement, a line per account with a balance. */
export function statementPdf(
  statement: LedgerStatement,
  context: { neighbourhood: string; url: string; printedAt: Date },
  fonts: FontSource,
) {
  const moved = (l: Line) => l.debitFen !== 0 || l.creditFen !== 0 || l.balanceFen !== 0;
  const balance = (l: Line) => `${l.code} ${l.name}：${yuan(l.balanceFen)} 元`;
  const { trialBalance, income, balanceSheet } = statement;
  return renderPrintedNotice(
    {
      neighbourhood: context.neighbourhood,
      title: `公共收益报表（${periodLabel(statement.from, statement.to)}）`,
      url: context.url,
      qrCaption: '扫码查看账目明细',
      printedAt: context.printedAt,
      sections: [
        {
          heading: '收支表',
          lines: [
            ...income.income.filter(moved).map(balance),
            `收入合计：${yuan(income.incomeFen)} 元`,
            ...income.expense.filter(moved).map(balance),
            `支出合计：${yuan(income.expenseFen)} 元`,
            `收支结余：${yuan(income.netFen)} 元`,
          ],
        },
        {
          heading: `资产负债表（${statement.to} 月末）`,
          lines: [
            ...balanceSheet.assets.filter(moved).map(balance),
            `资产合计：${yuan(balanceSheet.assetsFen)} 元`,
            ...[...balanceSheet.liabilities, ...balanceSheet.equity].filter(moved).map(balance),
            `累计收支结余：${yuan(balanceSheet.retainedFen)} 元`,
            `负债和净资产合计：${yuan(balanceSheet.liabilitiesAndEquityFen)} 元`,
          ],
        },
        {
          heading: '科目余额表',
          lines: [
            ...trialBalance.lines.map(
              (l) => `${l.code} ${l.name}：借方 ${yuan(l.debitFen)}，贷方 ${yuan(l.creditFen)}`,
            ),
            `合计：借方 ${yuan(trialBalance.debitFen)}，贷方 ${yuan(trialBalance.creditFen)}`,
          ],
        },
      ],
      footer: [
        '金额单位：人民币元。已记账的凭证不作修改，更正以红字冲销凭证记录。',
        '如有异议，请在公示期内向业主委员会或业主监督委员会提出。',
      ],
    },
    fonts,
  );
}
