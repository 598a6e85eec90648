import { readFile } from 'node:fs/promises';
import { maskPhone } from '@city/contracts';
import { randomPhone } from '@city/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE_VIEWPORT } from './support/browser.ts';
import { recordOwner } from './support/registry.ts';
import { visitor, type Visitor } from './support/visitor.ts';
import { startProduct, type Product } from './support/server.ts';

/**
 * The founding journey, in real Chromium against the product as `npm start` runs it:
 * a person applies to open a neighbourhood → 社区 staff approve → the new admin invites a member → the member
 * signs up with the code from the dev SMS sender, accepts, and sees the neighbourhood.
 */
let product: Product;
let browser: Browser;
/** A 1×1 PNG: the resident's photo. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const shots = 'tests/.artifacts';

let newPage: Visitor['newPage'];
let signUp: Visitor['signUp'];
let signIn: Visitor['signIn'];

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  ({ newPage, signUp, signIn } = visitor(product, browser));
});
afterAll(async () => {
  if (product?.exited()) console.error(`the product stopped during the test:\n${product.output()}`);
  await browser?.close();
  await product?.stop();
});

/** The neighbourhood slug from the current /n/<slug>/… URL. */
async function slugOf(page: Page): Promise<string> {
  const match = new URL(page.url()).pathname.match(/^\/n\/([^/]+)/);
  if (!match) throw new Error(`not on a neighbourhood page: ${page.url()}`);
  return match[1]!;
}

describe('opening a neighbourhood and inviting its first member', () => {
  const applicant = randomPhone();
  const invitee = randomPhone();
  const name = `幸福里${Math.random().toString(36).slice(2, 6)}`;

  it('a resident applies on a phone', async () => {
    const page = await newPage();
    await signUp(page, applicant, '何主任');
    await page.goto(`${product.url}/apply`);
    await page.getByLabel('小区名称').fill(name);
    await page.getByLabel('详细地址').fill('重庆市璧山区璧城街道幸福路9号');
    await page.getByLabel('所属社区').selectOption({ label: '东林社区' });
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => page.getByText('申请已提交').count()).toBe(1);
    await expect.poll(() => page.getByText(name).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/e2e-apply-phone.png`, fullPage: true });
    await page.context().close();
  });

  it('社区 staff approve it', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await signIn(page, '13900000002', 'demo1234');
    await page.getByRole('link', { name: '开通审核' }).click();
    const card = page.locator('section', { hasText: name });
    // The number is masked until asked for; asking is a recorded read.
    await expect.poll(() => card.getByText(maskPhone(applicant)).count()).toBe(1);
    await card.getByRole('button', { name: '查看完整手机号' }).click();
    await expect.poll(() => card.getByRole('link', { name: applicant }).getAttribute('href')).toBe(`tel:${applicant}`);
    await expect.poll(() => card.getByText('本次查看已留痕').count()).toBe(1);
    await card.getByRole('button', { name: '批准开通' }).click();
    await expect.poll(() => page.getByText(`小区「${name}」已开通`).count()).toBe(1);
    await page.goto(`${product.url}/supervision`);
    await expect.poll(() => page.getByRole('cell', { name: new RegExp(name) }).count()).toBe(1);
    await page.context().close();
  });

  it('the new admin invites a member', async () => {
    const page = await newPage();
    await signIn(page, applicant, 'a-good-password');
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await page.getByRole('link', { name: '邀请' }).click();
    await page.getByLabel('手机号').fill(invitee);
    await page.getByLabel('姓名或昵称').fill('邻居小林');
    await page.getByRole('button', { name: '发送邀请' }).click();
    await expect.poll(() => page.getByText(`已向 ${invitee} 发送邀请`).count()).toBe(1);
    await page.goto(`${product.url}/n/${await slugOf(page)}/audit`);
    await expect.poll(() => page.getByText('哈希链完整：共 2 条记录均校验通过。').count()).toBe(1);
    // The trail in words: who did what to whom.
    await expect.poll(() => page.getByText(/发出了.*邀请/).count()).toBe(1);
    await expect.poll(() => page.getByText(/开通了/).count()).toBe(1);
    await page.context().close();
  });

  it('the member signs up with the texted code, accepts and sees the neighbourhood', async () => {
    const page = await newPage();
    await signUp(page, invitee, '林晓');
    await expect.poll(() => page.getByText('待接受的邀请').count()).toBe(1);
    await page.getByRole('button', { name: '接受邀请' }).click();
    await expect.poll(() => page.getByText(`已加入「${name}」`).count()).toBe(1);
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await expect.poll(() => page.getByRole('heading', { name }).count()).toBe(1);
    await expect.poll(() => page.getByText('居民').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/e2e-member-phone.png`, fullPage: true });
    await page.context().close();
  });
});

describe('language and sessions', () => {
  it('switches to English and back without JavaScript', async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${product.url}/sign-in`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.waitForURL('**/sign-in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
    await page.getByLabel('Mobile number').fill('123');
    await page.getByLabel('Password').fill('x');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByText('The request is not valid').count()).toBe(1);
    await page.getByRole('button', { name: 'Change language' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await context.close();
  });

  it('a resident signs in on a phone, sees their neighbourhood and signs out everywhere', async () => {
    const page = await newPage();
    await signIn(page, '13900000014', 'demo1234');
    await expect.poll(() => page.getByRole('link', { name: /金色家园/ }).count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-resident-home-phone.png`, fullPage: true });
    // On a phone the account is in the menu.
    await page.locator('header summary').click();
    await page.getByRole('link', { name: '账号' }).click();
    await expect.poll(() => page.getByText('当前设备').count()).toBe(1);
    await page.getByRole('button', { name: '退出所有设备' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(`${product.url}/home`);
    await page.waitForURL('**/sign-in?next=%2Fhome');
    await page.context().close();
  });
});

describe('platform operator', () => {
  it('sees the tree and appoints and dismisses community staff', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await signIn(page, '13900000000', 'demo1234');
    await page.getByRole('link', { name: '行政区划', exact: true }).click();
    await expect.poll(() => page.getByText('东林社区').count()).toBeGreaterThan(0);
    const appoint = page.locator('section', { hasText: '任命工作人员' }).last();
    await appoint.getByLabel('区划').selectOption({ label: '社区 · 东林社区' });
    await appoint.getByLabel('手机号').fill(randomPhone());
    await appoint.getByRole('button', { name: '任命工作人员' }).click();
    await expect.poll(() => page.getByText('该手机号尚未注册').count()).toBe(1);
    await appoint.getByLabel('区划').selectOption({ label: '社区 · 东林社区' });
    await appoint.getByLabel('手机号').fill('13900000031');
    await appoint.getByRole('button', { name: '任命工作人员' }).click();
    await expect.poll(() => page.getByText('已任命。').count()).toBe(1);
    const row = page.getByRole('row', { name: /郑晓东/ });
    await row.getByRole('button', { name: '免去' }).click();
    await expect.poll(() => page.getByText('已免去。').count()).toBe(1);
    await expect.poll(() => page.getByRole('row', { name: /郑晓东/ }).count()).toBe(0);
    await page.context().close();
  });

  it('loads next year’s holiday notice into the working-day calendar, told which day is wrong', async () => {
    const year = new Date().getUTCFullYear() + 1;
    // The first Saturday and Monday of March that year.
    const march = (weekday: number) => {
      const day = new Date(Date.UTC(year, 2, 1));
      while (day.getUTCDay() !== weekday) day.setUTCDate(day.getUTCDate() + 1);
      return day.toISOString().slice(0, 10);
    };
    const page = await newPage(PHONE_VIEWPORT);
    await signIn(page, '13900000000', 'demo1234');
    await page.goto(`${product.url}/operator/calendar`);
    await page.getByRole('link', { name: String(year), exact: true }).click();
    await page.waitForURL(`**/operator/calendar?year=${year}`);
    await expect.poll(() => page.getByText('未发布 · 暂按法定节假日计算，期限为暂定').count()).toBe(1);
    await page.getByLabel('放假日（周末以外）').fill(`${year}-03-10~${year}-03-12`);
    await page.getByLabel('调休上班日（周六、周日）').fill(march(1));
    await page.getByLabel('依据或更正原因').fill('国办发明电（测试）');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText(`${march(1)}：调休上班日应为周六或周日`).count()).toBe(1);
    await page.getByLabel('调休上班日（周六、周日）').fill(march(6));
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('已保存，新的期限将按此计算。').count()).toBe(1);
    await expect.poll(() => page.getByText('运营人员载入').count()).toBe(1);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: '国办发明电（测试）' }).count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-operator-calendar-phone.png`, fullPage: true });
    await page.context().close();
  });

  it('watches failed deliveries across neighbourhoods by period', async () => {
    const page = await newPage(PHONE_VIEWPORT);
    await signIn(page, '13900000000', 'demo1234');
    await page.goto(`${product.url}/operator/deliveries`);
    await expect.poll(() => page.getByRole('heading', { name: '消息投递失败' }).count()).toBe(1);
    await page.getByRole('link', { name: '最近 24 小时' }).click();
    await page.waitForURL('**/operator/deliveries?days=1');
    await expect.poll(() => page.getByRole('link', { name: '最近 24 小时' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByText('最近 24 小时没有发送失败的短信或微信消息。').count()).toBe(1);
    await page.context().close();
  });
});

describe('notices and the public board', () => {
  const title = `E2E停电通知${Math.random().toString(36).slice(2, 6)}`;

  it('staff publish a residents-only notice, which a resident reads on a phone', async () => {
    const staff = await newPage({ width: 1280, height: 800 });
    await signIn(staff, '13900000012', 'demo1234');
    await staff.goto(`${product.url}/n/jinse-jiayuan/notices`);
    await staff.getByLabel('标题').fill(title);
    await staff.getByLabel('正文').fill('12月5日 9:00–11:00 配电房检修，届时全小区停电。');
    await staff.getByLabel('可见范围').selectOption({ label: '本小区居民' });
    await staff.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => staff.getByText('草稿已保存。').count()).toBe(1);
    await staff.locator('section', { hasText: title }).getByRole('button', { name: '发布' }).click();
    await expect.poll(() => staff.getByText('已发布。').count()).toBe(1);
    await staff.context().close();

    const resident = await newPage();
    await signIn(resident, '13900000014', 'demo1234');
    await resident.getByRole('link', { name: /金色家园/ }).click();
    await resident.getByRole('link', { name: title }).click();
    await expect.poll(() => resident.getByText('配电房检修').count()).toBe(1);
    await resident.screenshot({ path: `${shots}/e2e-notice-phone.png`, fullPage: true });
    await resident.context().close();
  });

  it('the public board shows public notices and 公示 periods without sign-in, and nothing else', async () => {
    const page = await newPage();
    await page.goto(`${product.url}/p/jinse-jiayuan`);
    await expect.poll(() => page.getByRole('heading', { name: '物业服务中心联系方式' }).count()).toBe(1);
    // Two 公示 with their periods: the quarter's public revenue, and the 议事与表决 plugin's meeting notice.
    await expect.poll(() => page.getByText(/公示期：/).count()).toBe(2);
    expect(await page.getByRole('heading', { name: '关于召开业主大会的公告：2026年第二次业主大会' }).count()).toBe(1);
    expect(await page.getByText(title).count()).toBe(0);
    expect(await page.getByText('12月3日停水通知').count()).toBe(0);
    await page.screenshot({ path: `${shots}/e2e-public-board-phone.png`, fullPage: true });
    await page.context().close();
  });
});

describe('property registry', () => {
  it('an admin browses buildings and units, reveals a number (audited) and changes owners', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signIn(page, '13900000011', 'demo1234');
    await page.goto(`${product.url}/n/jinse-jiayuan/registry`);
    await expect.poll(() => page.getByText('300 户').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: /^2栋/ }).click();
    await page.getByRole('link', { name: '1单元 101' }).click();
    await expect.poll(() => page.getByText('计票面积（㎡）').count()).toBe(1);
    const owner = page.locator('.owner').first();
    const formerName = (await owner.locator('strong').textContent())!.trim();
    const reveal = owner.getByRole('button', { name: '查看完整手机号' });
    if (await reveal.count()) {
      await reveal.click();
      await expect.poll(() => page.getByText(/本次查看已记入审计日志/).count()).toBe(1);
    }
    await page.locator('#name0').fill('测试新业主');
    await page.locator('#idNumber0').fill('11010519491231002X');
    await page.locator('#name1').fill('');
    await page.getByLabel('变更原因').fill('二手房过户（测试）');
    await page.getByRole('button', { name: '变更业主' }).click();
    await expect.poll(() => page.getByText('业主已更新。').count()).toBe(1);
    await expect.poll(() => page.getByText('1101**********002X').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('section', { hasText: '历史业主' }).getByText(formerName).count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/e2e-unit.png`, fullPage: true });
    await page.context().close();
  });

  // On a phone without JavaScript (the refused form comes back open from the server), and on a desktop with it.
  for (const [viewport, javaScriptEnabled, room] of [
    [PHONE_VIEWPORT, false, '1601'],
    [{ width: 1280, height: 800 }, true, '1602'],
  ] as const) {
    it(`an admin adds unit ${room} at ${viewport.width}px from a folded form and corrects its area, with a localised error first`, async () => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, '13900000011', 'demo1234');
      await page.goto(`${product.url}/n/jinse-jiayuan/registry`);
      await page.getByRole('link', { name: /^3栋/ }).click();
      const open = page.locator('summary', { hasText: '新增房屋' });
      await open.waitFor();
      expect(await page.getByLabel('房号').isVisible()).toBe(false);
      expect((await open.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await open.click();
      await page.getByLabel('楼层').fill('16');
      await page.getByLabel('房号').fill(room);
      await page.getByLabel('登记面积').fill('88.888');
      await page.getByRole('button', { name: '新增房屋' }).click();
      await expect.poll(() => page.getByText('面积为平方米，最多两位小数，如 89.50').count()).toBe(1);
      // Open again with what was typed.
      expect(await page.getByLabel('房号').isVisible()).toBe(true);
      expect(await page.getByLabel('房号').inputValue()).toBe(room);
      expect(await page.getByLabel('登记面积').inputValue()).toBe('88.888');
      await page.getByLabel('登记面积').fill('88.80');
      await page.getByRole('button', { name: '新增房屋' }).click();
      await expect.poll(() => page.getByText('已新增。').count()).toBe(1);
      await page.getByRole('link', { name: room }).click();
      // The building page has a 登记面积 field too: wait for the unit page before typing.
      await page.getByRole('heading', { name: `3栋 ${room}` }).waitFor();
      await page.getByLabel('登记面积').fill('90.10');
      await page.getByRole('button', { name: '修改房屋信息' }).click();
      await expect.poll(() => page.getByText('房屋信息已保存。').count()).toBe(1);
      await expect.poll(() => page.getByText('90.10').count()).toBeGreaterThan(0);
      await context.close();
    });
  }
});

describe('owner records that look like one person', () => {
  it('an admin enters 张伟 on two units without an ID number, then confirms the two records as one person', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signIn(page, '13900000011', 'demo1234');
    for (const room of ['1单元 101', '1单元 102']) {
      await recordOwner(page, product.url, { building: '4栋', room }, { name: '张伟', phone: '13800000000' });
    }
    await page.goto(`${product.url}/n/jinse-jiayuan/registry`);
    await page.getByRole('link', { name: /疑似同一业主/ }).click();
    const group = page.locator('section', { hasText: '张伟 · 138****0000' });
    await expect.poll(() => group.getByText('4栋 1单元 102').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/e2e-lookalikes.png`, fullPage: true });
    await group.getByRole('button', { name: '是同一人，合并' }).click();
    await expect.poll(() => page.getByText(/已合并为一条业主记录/).count()).toBe(1);
    await expect.poll(() => page.getByText('张伟 · 138****0000').count()).toBe(0);
    await page.context().close();
  });
});

describe('notifications', () => {
  it('an admin sees a new verification request in the header badge and opens it from the inbox', async () => {
    const resident = await newPage();
    const name = `租客${Math.random().toString(36).slice(2, 6)}`;
    await signUp(resident, randomPhone(), name);
    await resident.goto(`${product.url}/n/jinse-jiayuan/my`);
    await resident.locator('#request-building').fill('5栋');
    await resident.locator('#request-entrance').fill('2单元');
    await resident.locator('#request-room').fill('1502');
    await resident.locator('#request-relation').selectOption('renter');
    await resident.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => resident.getByText('已提交，等待管理员审核。').count()).toBe(1);
    await resident.context().close();

    const admin = await newPage(PHONE_VIEWPORT);
    await signIn(admin, '13900000011', 'demo1234');
    const badge = admin.getByRole('link', { name: /^消息，\d+ 条未读$/ });
    await expect.poll(() => badge.count()).toBe(1);
    await badge.click();
    await admin.waitForURL('**/notifications');
    const item = admin.getByRole('button', { name: new RegExp(`${name} 申请房屋认证`) });
    await expect.poll(() => item.count()).toBe(1);
    await admin.screenshot({ path: `${shots}/e2e-notifications-phone.png`, fullPage: true });
    await item.click();
    await admin.waitForURL('**/n/jinse-jiayuan/verifications');
    await admin.goto(`${product.url}/notifications?unread=true`);
    expect(await admin.getByRole('button', { name: new RegExp(`${name} 申请房屋认证`) }).count()).toBe(0);
    // The neighbourhood's own view: what was sent and how far it reached.
    await admin.goto(`${product.url}/n/jinse-jiayuan/notifications`);
    const sent = admin.getByRole('listitem').filter({ hasText: `${name} 申请房屋认证` });
    await expect.poll(() => sent.getByText('已送达').count()).toBe(1);
    await admin.screenshot({ path: `${shots}/e2e-admin-notifications-phone.png`, fullPage: true });
    await admin.context().close();
  });
});

describe('码上提', () => {
  const body = `5栋门口的垃圾桶满了两天没人清运${Math.random().toString(36).slice(2, 6)}`;

  it('a resident scans a building’s poster on a phone; staff assign it; the handling unit answers; the resident rates it', async () => {
    // The admin prints 5栋's poster; its QR code (and the address printed under it) opens the form for 5栋.
    const admin = await newPage({ width: 1280, height: 800 });
    await signIn(admin, '13900000011', 'demo1234');
    await admin.goto(`${product.url}/n/jinse-jiayuan/feedback-setup`);
    const scope = admin.getByLabel('打印范围');
    await scope.selectOption({ label: '5栋' });
    const posters = await admin.request.get(
      `${product.url}/n/jinse-jiayuan/feedback-setup/posters?building=${await scope.inputValue()}`,
    );
    expect(posters.headers()['content-type']).toBe('application/pdf');
    const poster = (await posters.body()).toString('latin1');
    expect(poster.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const scanned = poster.match(/\((https?:[^)]*\/n\/jinse-jiayuan\/feedback\?building=[0-9a-f-]{36})\)/)![1]!;
    await admin.context().close();

    const resident = await newPage(PHONE_VIEWPORT);
    await signIn(resident, '13900000014', 'demo1234');
    await resident.goto(scanned.replace(/^https?:\/\/[^/]+/, product.url));
    await resident.getByLabel('类别').selectOption('环境卫生');
    await resident.getByLabel('反映内容').fill(body);
    expect(await resident.getByLabel('地点', { exact: true }).locator('option:checked').textContent()).toBe('5栋');
    await resident.getByLabel('具体位置').fill('5栋东门');
    await resident.setInputFiles('#photos', {
      name: 'bins.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_1X1, 'base64'),
    });
    await resident.getByRole('button', { name: '提交反映' }).click();
    await resident.waitForURL(/\/n\/jinse-jiayuan\/feedback\/[0-9a-f-]{36}$/);
    // The photo went with it, kept re-encoded and shown to her (and to staff) through the portal.
    await expect
      .poll(() =>
        resident
          .getByRole('img', { name: '照片 1' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(1);
    const reportUrl = resident.url();
    await expect.poll(() => resident.getByText('待梳理').count()).toBeGreaterThan(0);
    await resident.screenshot({ path: `${shots}/e2e-feedback-reported-phone.png`, fullPage: true });

    // 刘芳 is staff and a member of 物业服务中心: she sorts it, assigns it to her unit, then answers it.
    const staff = await newPage({ width: 1280, height: 800 });
    await signIn(staff, '13900000012', 'demo1234');
    await staff.goto(`${product.url}/n/jinse-jiayuan/feedback?status=received`);
    await staff
      .getByRole('link', { name: /环境卫生/ })
      .first()
      .click();
    await staff.waitForURL(reportUrl);
    await staff.getByLabel('承办单位').selectOption({ label: '物业服务中心（物业服务企业）' });
    await staff.getByRole('button', { name: '交办', exact: true }).click();
    await expect.poll(() => staff.getByText('剩 10 个工作日').count()).toBeGreaterThan(0);
    await staff.getByLabel('进展或答复内容').fill('已安排保洁清运，并增加清运频次。');
    await staff.getByRole('button', { name: '答复（办结待评价）' }).click();
    await expect.poll(() => staff.getByText('已答复待评价').count()).toBeGreaterThan(0);
    await staff.screenshot({ path: `${shots}/e2e-feedback-staff-desktop.png`, fullPage: true });
    // From the queue, she ticks a waiting report and assigns it with others in one go.
    await staff.goto(`${product.url}/n/jinse-jiayuan/feedback?status=received`);
    const waiting = staff.getByRole('listitem').filter({ hasText: '北门外经常有车辆占用消防通道' });
    await waiting.getByRole('checkbox').check();
    await staff.getByLabel('将勾选的反映交办给').selectOption({ label: '业主委员会' });
    await staff.getByRole('button', { name: '批量交办' }).click();
    await expect.poll(() => staff.getByText('已交办 1 条反映。').count()).toBe(1);
    await staff.context().close();

    await resident.goto(reportUrl);
    await resident.getByLabel('满意', { exact: true }).check();
    await resident.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => resident.getByText('已办结').count()).toBeGreaterThan(0);
    await expect.poll(() => resident.getByText('已安排保洁清运，并增加清运频次。').count()).toBe(1);
    await resident.screenshot({ path: `${shots}/e2e-feedback-rated-phone.png`, fullPage: true });
    await resident.context().close();

    // 公示: anyone sees it closed on the public board, without the reporter's name.
    const passer = await newPage(PHONE_VIEWPORT);
    await passer.goto(`${product.url}/p/jinse-jiayuan`);
    const item = passer.getByRole('listitem').filter({ hasText: body });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('满意');
    expect(await item.textContent()).not.toContain('孙丽');
    await passer.context().close();
  });

  it('someone without an account reports from the same poster with a number confirmed by SMS, and gets a link to follow it', async () => {
    const form = await (await fetch(`${product.url}/api/v1/public/n/jinse-jiayuan/feedback/form`)).json();
    const building = (form as { buildings: { id: string; name: string }[] }).buildings.find((b) => b.name === '5栋')!;
    const passerBy = await newPage(PHONE_VIEWPORT);
    await passerBy.goto(`${product.url}/n/jinse-jiayuan/feedback?building=${building.id}`);
    await passerBy.waitForURL(`**/p/jinse-jiayuan/feedback?building=${building.id}`);
    const phone = randomPhone();
    await passerBy.getByLabel('手机号').fill(phone);
    await passerBy.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => passerBy.getByRole('button', { name: /秒后可重新获取/ }).count()).toBe(1);
    await passerBy.getByLabel('短信验证码').fill(await product.smsCode(phone));
    await passerBy.getByLabel('类别').selectOption('设施维修');
    await passerBy.getByLabel('反映内容').fill('5栋单元门的门禁坏了，关不上');
    expect(await passerBy.getByLabel('地点', { exact: true }).locator('option:checked').textContent()).toBe('5栋');
    await passerBy.getByRole('button', { name: '提交反映' }).click();
    await passerBy.waitForURL(/\/p\/jinse-jiayuan\/feedback\/[a-z2-7]{24}\?new=1$/);
    await expect.poll(() => passerBy.getByText(/已提交，编号 #\d+/).count()).toBe(1);
    await expect.poll(() => passerBy.getByText('待梳理').count()).toBeGreaterThan(0);
    await passerBy.screenshot({ path: `${shots}/e2e-feedback-by-phone.png`, fullPage: true });
    // The link itself is the way back, with no session.
    const link = passerBy.url().replace(/\?.*$/, '');
    await passerBy.context().clearCookies();
    await passerBy.goto(link);
    await expect.poll(() => passerBy.getByText('5栋单元门的门禁坏了，关不上').count()).toBe(1);
    await passerBy.context().close();

    // Someone signed in who lives elsewhere (翠湖苑) scanning the same poster gets the same form, not a dead end.
    const visitor = await newPage(PHONE_VIEWPORT);
    await signIn(visitor, '13900000022', 'demo1234');
    await visitor.goto(`${product.url}/n/jinse-jiayuan/feedback?building=${building.id}`);
    await visitor.waitForURL(`**/p/jinse-jiayuan/feedback?building=${building.id}`);
    await visitor.context().close();
  });

  it('社区 staff read the branch’s figures rolled up, with the monthly trend, and export them', async () => {
    const page = await newPage(PHONE_VIEWPORT);
    await signIn(page, '13900000002', 'demo1234');
    await page.goto(`${product.url}/supervision`);
    await page.getByRole('link', { name: '码上提督办' }).click();
    await page.waitForURL('**/supervision/feedback');
    const row = page.getByRole('row').filter({ hasText: '金色家园' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByRole('img', { name: '每月收到与办结的反映' }).count()).toBe(1);
    expect(await page.getByText('按时响应率').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/e2e-feedback-supervision-phone.png`, fullPage: true });
    const exported = await page.request.get(
      (await page.getByRole('link', { name: '导出 XLSX' }).getAttribute('href'))!.replace(/^\//, `${product.url}/`),
    );
    expect(exported.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await page.context().close();
  });

  it('a 街道 department answers, from its own queue on a phone, what a neighbourhood assigned to it', async () => {
    const page = await newPage(PHONE_VIEWPORT);
    await signIn(page, '13900000003', 'demo1234');
    await page.goto(`${product.url}/supervision/departments`);
    await page.getByRole('link', { name: '璧城街道 · 城管科' }).click();
    await page.getByRole('link', { name: /其他/ }).first().click();
    await expect.poll(() => page.getByText('占道经营', { exact: false }).count()).toBeGreaterThan(0);
    // What and where, never who reported it.
    expect(await page.getByText('孙丽').count()).toBe(0);
    await page.getByLabel('进展或答复内容').fill('已安排城管队员每天傍晚在北门巡查，劝离流动摊贩。');
    await page.getByRole('button', { name: '答复（办结待评价）' }).click();
    await expect.poll(() => page.getByText('已答复待评价').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/e2e-department-answer.png`, fullPage: true });
    await page.context().close();
  });
});

describe('registry import and resident verification', () => {
  it('an admin imports a registry file and prints letters; a new resident claims a unit with a code and reads residents-only notices', async () => {
    const admin = await newPage({ width: 1280, height: 900 });
    await signIn(admin, '13900000011', 'demo1234');
    await admin.goto(`${product.url}/n/jinse-jiayuan/registry/import`);
    const csv = [
      '楼栋,单元,楼层,房号,登记面积,实测面积,合同面积,销售状态,业主姓名,业主手机号,业主身份证号,表决人',
      '9栋,1单元,1,101,88.20,,,已售已交付,许文,,,是',
      '9栋,1单元,1,102,,,95.00,未售,,,,',
    ].join('\n');
    await admin.setInputFiles('#import-file', { name: '9栋.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.getByRole('button', { name: '上传并校验' }).click();
    await expect.poll(() => admin.getByText('校验通过，待导入').count()).toBe(1);
    await admin.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => admin.getByText('已导入', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await admin.screenshot({ path: `${shots}/e2e-import.png`, fullPage: true });

    await admin.goto(`${product.url}/n/jinse-jiayuan/verifications`);
    await admin.getByLabel('范围').selectOption({ label: '9栋（2 户）' });
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: '生成 PDF' }).click(),
    ]);
    const pdf = (await readFile(await download.path())).toString('latin1');
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(2);
    // The letter links its claim page (the same address as its QR code).
    const claimUrls = [...pdf.matchAll(/\(([^)]*\/claim\/jinse-jiayuan\?code=[A-Z0-9]{10})\)/g)].map((m) => m[1]!);
    expect(claimUrls).toHaveLength(2);
    await admin.context().close();

    const resident = await newPage();
    await signUp(resident, randomPhone(), '许家人');
    await resident.goto(claimUrls[0]!.replace(/^https?:\/\/[^/]+/, product.url));
    await resident.waitForURL('**/n/jinse-jiayuan/my?code=*');
    await resident.getByLabel('我与房屋的关系').first().selectOption('family');
    await resident.getByRole('button', { name: '认领', exact: true }).click();
    await expect.poll(() => resident.getByText('认领成功：9栋 1单元 101').count()).toBe(1);
    await resident.getByRole('link', { name: '进入小区首页' }).click();
    await expect.poll(() => resident.getByText('12月3日停水通知').count()).toBe(1);
    expect(await resident.getByText('首次业主大会筹备组成立').count()).toBe(0);
    await resident.screenshot({ path: `${shots}/e2e-claimed.png`, fullPage: true });
    await resident.context().close();
  });

  it('prints the public board and the closed 码上提 reports as PDFs without sign-in', async () => {
    for (const path of ['print', 'feedback-print']) {
      const res = await fetch(`${product.url}/p/jinse-jiayuan/${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
  });
});

describe('plugin marketplace', () => {
  it('an admin installs a plugin granting its scopes, changes a setting, sees its navigation entry and uninstalls it', async () => {
    const admin = await newPage();
    await signIn(admin, '13900000021', 'demo1234');
    await admin.goto(`${product.url}/n/cuihu-yuan`);
    // The core's apps only, until a plugin is installed.
    await expect.poll(() => admin.getByRole('link', { name: '公共收益', exact: true }).count()).toBe(1);
    expect(await admin.getByRole('link', { name: /便民电话$/ }).count()).toBe(0);
    await admin.getByRole('link', { name: '插件市场' }).click();
    await admin.getByRole('link', { name: /便民电话簿/ }).click();
    await expect.poll(() => admin.getByText('在小区审计日志中记录本插件的操作').count()).toBeGreaterThan(0);

    // Not granting the scope it asks for is refused, with the reason.
    await admin.getByRole('button', { name: '安装', exact: true }).click();
    await expect.poll(() => admin.getByText('须授予插件申请的全部权限才能安装').count()).toBe(1);
    await admin.getByLabel('在小区审计日志中记录本插件的操作').check();
    await admin.getByRole('button', { name: '安装', exact: true }).click();
    await expect.poll(() => admin.getByText('插件已安装并启用。').count()).toBe(1);

    await admin.getByLabel('页面标题').fill('翠湖苑常用电话');
    await admin.getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => admin.getByText('设置已保存。').count()).toBe(1);

    await admin.goto(`${product.url}/n/cuihu-yuan`);
    await admin.getByRole('link', { name: /便民电话$/ }).click();
    await expect.poll(() => admin.getByRole('heading', { name: '翠湖苑常用电话' }).count()).toBe(1);
    await admin.getByRole('link', { name: '维护电话簿' }).first().click();
    await admin.getByLabel(/^名称/).first().fill('翠湖苑物业');
    await admin.getByLabel(/^电话/).first().fill('023-4126 1234');
    await admin.getByRole('button', { name: '添加电话' }).click();
    await expect.poll(() => admin.getByText('已添加“翠湖苑物业”。').count()).toBe(1);

    const resident = await newPage();
    await signIn(resident, '13900000022', 'demo1234');
    await resident.goto(`${product.url}/n/cuihu-yuan`);
    await resident.getByRole('link', { name: /便民电话$/ }).click();
    const call = resident.getByRole('link', { name: '拨打 翠湖苑物业' });
    expect(await call.getAttribute('href')).toBe('tel:02341261234');
    expect(await resident.getByRole('link', { name: '维护电话簿' }).count()).toBe(0);
    await resident.screenshot({ path: `${shots}/e2e-plugin-page.png`, fullPage: true });

    await admin.goto(`${product.url}/n/cuihu-yuan/plugins/contacts`);
    // Two steps: the first only says what uninstalling does, the second takes it.
    await admin.locator('summary', { hasText: '卸载' }).click();
    await admin.getByRole('button', { name: '确认卸载' }).click();
    await expect.poll(() => admin.getByText('插件已卸载，数据仍保留。').count()).toBe(1);
    await resident.goto(`${product.url}/n/cuihu-yuan`);
    expect(await resident.getByRole('link', { name: /便民电话$/ }).count()).toBe(0);
    const gone = await resident.goto(`${product.url}/n/cuihu-yuan/p/contacts`);
    expect(gone?.status()).toBe(404);
    await admin.context().close();
    await resident.context().close();
  });
});

/** Long hashes and codes wrap: nothing makes a phone page scroll sideways (the offenders are named if something does). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${(e.textContent ?? '').slice(0, 60)}`),
    );
  await expect.poll(overflow, { timeout: 5_000 }).toEqual([]);
}

/** An instant as a datetime-local value in Beijing time, as the count desk's fields take it. */
const beijingInput = (time: number) => new Date(time + 8 * 3600_000).toISOString().slice(0, 16);

describe('业主大会 voting', () => {
  const running = '2026年第二次业主大会';
  const ended = '关于增设电动自行车充电棚的业主大会';

  it('an owner votes on a phone, keeps the receipt and checks it on the public page', async () => {
    const owner = await newPage();
    await signIn(owner, '13900000014', 'demo1234');
    // Her home says what needs her: the open meeting she has not voted in, with a way straight to it.
    await owner.goto(`${product.url}/home`);
    const todo = owner.getByRole('listitem').filter({ hasText: '业主大会投票中，您未投票' });
    await expect.poll(() => todo.count()).toBe(1);
    await owner.screenshot({ path: `${shots}/e2e-home-todo-phone.png`, fullPage: true });
    await todo.getByRole('link', { name: '去投票' }).click();
    await owner.waitForURL(/\/meetings\/[^/]+$/);
    await expect
      .poll(() => owner.getByText('需参与表决面积和人数都达到四分之三以上同意').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    for (const [motion, choice] of [
      ['续聘', '同意'],
      ['电梯', '同意'],
      ['快递柜', '反对'],
    ] as const) {
      await owner
        .getByRole('group', { name: new RegExp(motion) })
        .getByLabel(choice)
        .check();
    }
    await owner.getByRole('button', { name: '下一步：核对选择' }).click();
    await owner.getByRole('button', { name: '确认提交表决票' }).click();
    const receipt = owner.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // A form post, the API's write and the page's reload: give a busy machine time.
    await expect.poll(() => receipt.count(), { timeout: 15_000 }).toBe(1);
    const code = (await receipt.textContent())!.trim();
    await expectNoSidewaysScroll(owner);
    await owner.screenshot({ path: `${shots}/e2e-voting-receipt-phone.png`, fullPage: true });
    await owner.goto(`${product.url}/home`);
    await expect.poll(() => owner.getByText('业主大会投票中，您未投票').count()).toBe(0);
    await owner.goBack();

    // Signed out, the public check shows that the ballot is counted, where and when — and never what it chose.
    const counted = /^已计入(：这张表决票是表决记录链的第 \d+ 条|（)/;
    const visitor = await newPage();
    await visitor.goto(`${product.url}/p/jinse-jiayuan/apps/voting/verify`);
    await visitor.getByLabel('回执码').fill(code.toLowerCase().replace(/-/g, ''));
    await visitor.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => visitor.getByText(running).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => visitor.getByText(counted).count(), { timeout: 15_000 }).toBe(1);
    expect(await visitor.getByText('反对', { exact: true }).count()).toBe(0);
    expect(await visitor.getByText('同意', { exact: true }).count()).toBe(0);
    expect(await visitor.getByRole('link', { name: '下载公告板 JSON，可用开源校验工具离线复核' }).count()).toBe(1);
    await expectNoSidewaysScroll(visitor);
    await visitor.screenshot({ path: `${shots}/e2e-voting-verify-phone.png`, fullPage: true });

    // Signing in from there brings the owner back to the same check, now with the choices of their own ballot.
    await visitor.getByRole('link', { name: '登录查看我的选择' }).click();
    await visitor.waitForURL(/\/sign-in/);
    await visitor.getByLabel('手机号').fill('13900000014');
    await visitor.getByLabel('密码').fill('demo1234');
    await visitor.getByRole('button', { name: '登录', exact: true }).click();
    await visitor.waitForURL(/\/n\/jinse-jiayuan\/p\/voting\/verify\?receipt=/);
    await expect.poll(() => visitor.getByText('反对', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    expect(await visitor.getByText('同意', { exact: true }).count()).toBe(2);
    expect(await visitor.getByText(counted).count()).toBe(1);
    await expectNoSidewaysScroll(visitor);
    await visitor.screenshot({ path: `${shots}/e2e-voting-verify-signed-in-phone.png`, fullPage: true });
    await owner.context().close();
    await visitor.context().close();
  });

  it('staff enter a paper ballot, the committee checks it, closes the count and the result is on the public board', async () => {
    const staff = await newPage({ width: 1280, height: 900 });
    await signIn(staff, '13900000012', 'demo1234');
    await staff.goto(`${product.url}/n/jinse-jiayuan/p/voting/meetings`);
    await staff.getByRole('link', { name: ended }).click();
    await staff.waitForURL(/\/meetings\/[^/]+$/);
    await staff.getByRole('link', { name: '管理与计票' }).click();
    await staff.waitForURL(/\/manage$/);
    // The first counting owner on the roll without a ballot.
    await staff
      .getByRole('link', { name: /^为 .* 录入表决票$/ })
      .first()
      .click();
    await staff.getByLabel('表决票编号').fill('No.0888');
    // The sheet reached the tellers before the deadline (voting ended an hour before the demo was seeded).
    await staff.getByLabel('收到时间').fill(beijingInput(Date.now() - 3 * 3600_000));
    for (const motion of ['车库B区', '收费标准'])
      await staff
        .getByRole('group', { name: new RegExp(motion) })
        .getByLabel('同意')
        .check();
    await staff.screenshot({ path: `${shots}/e2e-voting-entry.png`, fullPage: true });
    await staff.getByRole('button', { name: '录入（等待第二人核对）' }).click();
    await expect.poll(() => staff.getByText(/已录入 .* 的表决票/).count(), { timeout: 15_000 }).toBe(1);
    // 纸质票对账: the sheets handed out and collected, as the tellers counted them.
    await staff.getByLabel('发放').fill('400');
    await staff.getByLabel('回收').fill('300');
    await staff.getByRole('button', { name: '保存张数' }).click();
    await expect.poll(() => staff.getByText('已保存纸质票的发放和回收张数。').count(), { timeout: 15_000 }).toBe(1);
    expect(await staff.getByText('400 张').count()).toBe(1);
    await staff.context().close();

    const committee = await newPage({ width: 1280, height: 900 });
    await signIn(committee, '13900000013', 'demo1234');
    await committee.goto(`${product.url}/n/jinse-jiayuan/p/voting/meetings`);
    // Its voting period is over: it reads so by the clock, though nobody has closed it yet.
    await expect.poll(() => committee.getByText('投票已截止，待计票').count(), { timeout: 15_000 }).toBe(1);
    await committee.getByRole('link', { name: ended }).click();
    await committee.waitForURL(/\/meetings\/[^/]+$/);
    await committee.getByRole('link', { name: '管理与计票' }).click();
    await committee.waitForURL(/\/manage$/);
    await expect.poll(() => committee.getByText('No.0888').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await committee.getByRole('button', { name: '核对无误，计入' }).click();
    await expect.poll(() => committee.getByText('No.0888').count(), { timeout: 15_000 }).toBe(0);
    // Closing cannot be undone: the committee first reads what it will do, then confirms.
    await committee.getByRole('link', { name: '结束投票并计票' }).click();
    const confirmation = committee.getByRole('region', { name: '请确认：结束投票并计票' });
    await expect.poll(() => confirmation.count(), { timeout: 15_000 }).toBe(1);
    expect(await confirmation.getByText(/^目前参与表决：面积 \d+\.\d{2}%，人数 \d+\.\d{2}%。/).count()).toBe(1);
    expect(await confirmation.getByText('等待核对的纸质或委托表决票：0 张。').count()).toBe(1);
    expect(await confirmation.getByText('计票结果将立即在小区公示栏公布，不能撤回；之后不能再投票。').count()).toBe(1);
    await confirmation.screenshot({ path: `${shots}/e2e-voting-confirm-close.png` });
    // A double click still sends the count once.
    const posts: string[] = [];
    committee.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await confirmation.getByRole('button', { name: '确认结束投票并计票' }).dblclick();
    await expect.poll(() => committee.getByText('通过').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(posts).toHaveLength(1);
    expect(await committee.getByText('投票已截止，待计票').count()).toBe(0);
    await committee.screenshot({ path: `${shots}/e2e-voting-closed.png`, fullPage: true });
    await committee.context().close();

    const visitor = await newPage();
    await visitor.goto(`${product.url}/p/jinse-jiayuan`);
    await expect.poll(() => visitor.getByText(`业主大会表决结果公告：${ended}`).count(), { timeout: 15_000 }).toBe(1);
    await visitor.screenshot({ path: `${shots}/e2e-voting-board-phone.png`, fullPage: true });
    await visitor.context().close();
  });
});
