import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, demoJourney } from './support/demo-journey.ts';

/**
 * 公共收益, in real Chromium against the product as `npm start` runs it, on phones: the treasurer 陈建国 proposes an
 * expense above the countersignature threshold → 赵志强 and 周建华 approve it → 孙丽 countersigns for the 业主监督委员会
 * → 陈建国 pays it, closes the month and publishes its statement → 孙丽 reads the statement on 公示.
 */
const journey = demoJourney();
const { as } = journey;
const shots = 'tests/.artifacts';
const ledger = () => `${journey.product.url}/n/jinse-jiayuan/ledger`;
const title = `更换地下车库照明灯具${Math.random().toString(36).slice(2, 6)}`;
/** The expense's own page, once proposed. */
let expenseUrl = '';

/** This month in China (`YYYY-MM`), where the books are kept, and as the pages and the 公示 name it. */
const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
  .format(new Date())
  .slice(0, 7);
const monthLabel = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** The value of the option of `select` whose words contain `text`. */
async function optionWith(select: Locator, text: string): Promise<string> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  if (!value) throw new Error(`no option with ${text}`);
  return value;
}

/** A signer of the expense's page: their card, their button, the page confirming their signature. */
async function sign(phone: string, heading: string, button: string, done: string): Promise<Page> {
  const page = await as(phone);
  await page.goto(expenseUrl);
  await card(page, heading).getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => page.getByText(done, { exact: true }).count()).toBe(1);
  // Signed once: the form is gone.
  await expect.poll(() => card(page, heading).count()).toBe(0);
  return page;
}

describe('a public-revenue expense, from its proposal to the month’s statement on 公示', () => {
  it('陈建国 proposes an expense above 5,000 元 (a malformed amount is refused next to it); it awaits signatures', async () => {
    const page = await as('13900000011');
    await page.goto(`${ledger()}/keep`);
    const form = page.locator('section#expense');
    await form.getByLabel('支出事项').fill(title);
    await form.getByLabel('收款方').fill('璧山照明工程有限公司');
    await form.getByLabel('金额（元）').fill('8000.123');
    const account = form.getByLabel('支出科目');
    await account.selectOption(await optionWith(account, '维修支出'));
    await form.getByLabel('事由').fill('地下车库B区照明灯具老化，夜间照度不足；已询价三家，此为最低报价。');
    await form.getByRole('button', { name: '提交委员签署' }).click();

    // Refused before anything is recorded: in the reader's words, next to the amount, with what was typed kept.
    const amount = form.getByLabel('金额（元）');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#expense-amount-error').textContent()).toBe(
      '金额格式不正确：请填写元，如 8000 或 8000.50（最多两位小数）',
    );
    expect(await form.getByText('请检查标红的内容后重试。').count()).toBe(1);
    expect(await form.getByLabel('支出事项').inputValue()).toBe(title);
    expect(page.url()).toMatch(/\/ledger\/keep/);

    await amount.fill('8000');
    await form.getByRole('button', { name: '提交委员签署' }).click();
    await page.waitForURL(/\/ledger\/expenses\/[0-9a-f-]{36}$/);
    expenseUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
    await expect.poll(() => page.getByText('待签署', { exact: true }).count()).toBe(1);
    const signatures = card(page, '签署情况');
    expect(await signatures.getByText('0/2 委员同意 · 监督委员会会签 0/1').count()).toBe(1);
    expect(await signatures.getByText(/尚未签署：.*赵志强/).count()).toBe(1);
    // The proposer does not sign his own expense.
    expect(await page.getByText('这是您提议的支出，由其他委员签署。').count()).toBe(1);
    expect(await card(page, '您的签署（业主委员会）').count()).toBe(0);

    // It is among the expenses waiting on the ledger's home.
    await page.goto(ledger());
    await expect.poll(() => card(page, '待签署的支出').getByText(title).count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-ledger-proposed-phone.png`, fullPage: true });
    await page.context().close();
  });

  it('赵志强 cannot sign the expense he proposed; he and 周建华 approve this one, which still awaits the countersignature', async () => {
    const chair = await as('13900000013');
    // The demo's 采购小区公共区域灭火器 is his own proposal: no form to approve it.
    await chair.goto(ledger());
    await card(chair, '待签署的支出')
      .getByRole('link', { name: /采购小区公共区域灭火器/ })
      .click();
    await chair.waitForURL(/\/ledger\/expenses\/[0-9a-f-]{36}$/);
    await expect.poll(() => chair.getByText('这是您提议的支出，由其他委员签署。').count()).toBe(1);
    expect(await card(chair, '您的签署（业主委员会）').count()).toBe(0);
    expect(await chair.getByRole('button', { name: '同意', exact: true }).count()).toBe(0);
    await chair.context().close();

    const first = await sign('13900000013', '您的签署（业主委员会）', '同意', '已签署同意。');
    expect(await card(first, '签署情况').getByText('1/2 委员同意 · 监督委员会会签 0/1').count()).toBe(1);
    await first.context().close();

    const second = await sign('13900000017', '您的签署（业主委员会）', '同意', '已签署同意。');
    const signatures = card(second, '签署情况');
    expect(await signatures.getByText('2/2 委员同意 · 监督委员会会签 0/1').count()).toBe(1);
    expect(await signatures.getByText('尚未签署：孙丽').count()).toBe(1);
    expect(await second.getByText('待签署', { exact: true }).count()).toBe(1);
    await second.screenshot({ path: `${shots}/e2e-ledger-approved-twice-phone.png`, fullPage: true });
    await second.context().close();
  });

  it('孙丽 countersigns for the 业主监督委员会; the expense is approved', async () => {
    const page = await sign('13900000014', '您的会签（业主监督委员会）', '会签同意', '已会签。');
    await expect.poll(() => page.getByText('已批准待支付', { exact: true }).count()).toBe(1);
    expect(await card(page, '签署情况').getByText('2/2 委员同意 · 监督委员会会签 1/1').count()).toBe(1);
    // Only the treasurers pay.
    expect(await card(page, '支付').count()).toBe(0);
    await page.context().close();
  });

  it('陈建国 pays it from 对公账户, closes this month and publishes its statement to 公示', async () => {
    const page = await as('13900000011');
    await page.goto(expenseUrl);
    const pay = card(page, '支付');
    const from = pay.getByLabel('付款账户');
    await from.selectOption(await optionWith(from, '对公账户'));
    await pay.getByRole('button', { name: '登记支付并记账' }).click();
    await expect.poll(() => page.getByText('已支付并记账。').count()).toBe(1);
    await expect.poll(() => page.getByText('已支付', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /查看凭证/ }).count()).toBe(1);

    // The month is closed first (two steps): only closed months go on 公示.
    await page.goto(`${ledger()}/keep`);
    const close = page.locator('section#close');
    await close.getByText(`结账：${monthLabel}`, { exact: true }).click();
    await close.getByRole('button', { name: `确认结账 ${monthLabel}` }).click();
    await expect.poll(() => close.getByText(`${monthLabel}已结账。`).count()).toBe(1);

    await page.goto(`${ledger()}/statement?from=${month}&to=${month}`);
    const publish = card(page, '发布到公示');
    expect(await publish.getByText(/尚未结账/).count()).toBe(0);
    // The statement counts the expense just paid.
    expect(await card(page, '收支表').getByText('维修支出').count()).toBeGreaterThan(0);
    await publish.getByRole('button', { name: `发布 ${monthLabel} 报表到公示` }).click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(`公共收益报表公示（${monthLabel}）`).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('孙丽 reads the month’s statement among the neighbourhood’s notices', async () => {
    const page = await as('13900000014');
    await page.goto(`${journey.product.url}/n/jinse-jiayuan`);
    const notices = page.locator('section.notices');
    const notice = notices.getByRole('link', { name: `公共收益报表公示（${monthLabel}）`, exact: true });
    await expect.poll(() => notice.count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-ledger-notices-phone.png`, fullPage: true });
    await notice.click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    // Its figures name the month and include the expense paid.
    await expect.poll(() => page.getByText(`${monthLabel}公共收益：`).count()).toBe(1);
    expect(await page.getByText(/支出合计 8,000\.00 元/).count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-ledger-statement-notice-phone.png`, fullPage: true });
    await page.context().close();
  });
});
