import { describe, expect, it } from 'vitest';
import { demoJourney } from './support/demo-journey.ts';

/**
 * 智慧党建, in real Chromium against the product as `npm start` runs it, on phones: 孙丽 (a member in the demo)
 * withdraws her consent and registers again → the branch's secretary 赵志强 confirms her → she publishes a
 * commitment → he records the meeting she attended → her points appear → 东林社区党委 sees the branch's figures.
 */
const journey = demoJourney();
const { as } = journey;
const shots = 'tests/.artifacts';
const party = () => `${journey.product.url}/n/jinse-jiayuan/p/party`;
const commitment = `每月陪同独居老人就医${Math.random().toString(36).slice(2, 6)}`;
const meeting = `主题党日${Math.random().toString(36).slice(2, 6)}`;

/** A `datetime-local` value in China's time, `minutes` from now. */
const shanghai = (minutes: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(Date.now() + minutes * 60_000))
    .replace(' ', 'T');

describe('an in-service party member, from registration to points the 社区党委 sees', () => {
  it('孙丽 withdraws her consent (everything deleted), then registers again with a separate consent', async () => {
    const page = await as('13900000014');
    await page.goto(party());
    await expect.poll(() => page.getByText('党支部已确认您的报到。').count()).toBe(1);
    await page.getByText('撤回同意并删除', { exact: true }).click();
    await page.getByRole('button', { name: '确认撤回并删除' }).click();
    await expect.poll(() => page.getByText('已撤回同意，您的党员信息已全部删除。').count()).toBe(1);

    await page.getByLabel('工作单位').fill('重庆银行璧山支行');
    const home = page.getByLabel('居住房屋');
    // Her one verified home is chosen for her.
    expect(await home.inputValue()).not.toBe('');
    // Without the separate consent, nothing is sent.
    await page.getByRole('button', { name: '提交报到' }).click();
    await expect.poll(() => page.getByText('报到已提交，请等待党支部确认。').count()).toBe(0);
    await page.getByLabel('我已阅读并单独同意').check();
    await page.getByRole('button', { name: '提交报到' }).click();
    await expect.poll(() => page.getByText('报到已提交，请等待党支部确认。').count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-party-registered-phone.png`, fullPage: true });
    await page.context().close();
  });

  it('赵志强, the branch’s secretary, confirms her from the member list', async () => {
    const page = await as('13900000013');
    await page.goto(`${party()}/branch/members?status=pending`);
    const card = page.locator('section').filter({ has: page.getByText('孙丽', { exact: true }) });
    await card.getByText('处理', { exact: true }).click();
    await card.getByRole('button', { name: '确认报到' }).click();
    await expect.poll(() => page.getByText('已确认报到。').count()).toBe(1);
    await page.context().close();
  });

  it('she publishes a commitment for the year', async () => {
    const page = await as('13900000014');
    await page.goto(`${party()}/my`);
    await page.getByLabel('承诺事项').fill(commitment);
    await page.getByRole('button', { name: '发布承诺' }).click();
    await expect.poll(() => page.getByText(commitment).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('he records the meeting she attended; the meeting earns her the scheme’s points', async () => {
    const page = await as('13900000013');
    await page.goto(`${party()}/branch/activities`);
    await page.getByLabel('类型', { exact: true }).selectOption('meeting');
    await page.getByLabel('三会一课').selectOption('assembly');
    await page.getByLabel('标题').fill(meeting);
    await page.getByLabel('地点').fill('1栋一楼党群服务站');
    // Recorded after it began (补录): attendance is taken once an activity has started.
    await page.getByLabel('开始时间').fill(shanghai(-30));
    await page.getByLabel('结束时间').fill(shanghai(90));
    await page.getByRole('button', { name: '发起活动' }).click();
    await page.getByRole('link', { name: meeting }).click();
    await page.waitForURL(/\/branch\/activities\/[0-9a-f-]{36}$/);
    await page.getByLabel('孙丽').check();
    await page.getByRole('button', { name: '签到' }).click();
    await expect.poll(() => page.getByText('已签到').count()).toBeGreaterThan(0);
    await page.context().close();

    const resident = await as('13900000014');
    await resident.goto(`${party()}/my`);
    await expect.poll(() => resident.getByText(meeting).count()).toBeGreaterThan(0);
    await resident.screenshot({ path: `${shots}/e2e-party-points-phone.png`, fullPage: true });
    await resident.context().close();
  });

  it('东林社区’s staff see the branch under 东林社区党委, in figures', async () => {
    const page = await as('13900000002');
    await page.goto(`${journey.product.url}/supervision`);
    await page
      .getByRole('link', { name: /智慧党建/ })
      .first()
      .click();
    await page.waitForURL(/\/supervision\/regions\/[0-9a-f-]{36}\/apps\/party/);
    await expect.poll(() => page.getByText('东林社区党委').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('金色家园小区党支部').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/e2e-party-region-phone.png`, fullPage: true });
    // Figures only: no member's name reaches the 社区.
    expect(await page.getByText('孙丽').count()).toBe(0);
    await page.context().close();
  });
});
