import { randomPhone, randomUscc } from '@city/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoJourney } from './support/demo-journey.ts';

/**
 * 生活服务, in real Chromium against the product as `npm start` runs it: a business signs up and registers →
 * applies to serve 金色家园 → the admin admits it → it lists a service with a slot → the verified owner 孙丽 orders
 * on a phone → the vendor accepts, serves and completes → she reviews it.
 */
const journey = demoJourney();
const shots = 'tests/.artifacts';
const DESKTOP = { width: 1280, height: 800 };
/** A 1×1 PNG, the vendor's photo. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

describe('a local service business, from sign-up to a reviewed order', () => {
  const owner = randomPhone();
  const business = `好帮手家政${Math.random().toString(36).slice(2, 6)}`;
  const service = `深度保洁${Math.random().toString(36).slice(2, 6)}`;
  let vendorPage: Page;
  let servicesHome = '';

  it('the business signs up, registers with its credit code and applies to 金色家园', async () => {
    vendorPage = await journey.visitor.newPage(DESKTOP);
    const page = vendorPage;
    await journey.visitor.signUp(page, owner, '黄老板');
    await page.getByRole('link', { name: '进入服务商中心' }).click();
    await page.waitForURL('**/vendor');
    await page.getByLabel('单位名称').fill(business);
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
    await page.getByLabel('联系人').fill('黄老板');
    await page.getByLabel('联系电话').fill(owner);
    await page.getByRole('button', { name: '注册服务单位' }).click();
    await expect.poll(() => page.getByText('统一社会信用代码不正确').count()).toBe(1);
    await page.getByLabel('统一社会信用代码').fill(randomUscc());
    await page.getByRole('button', { name: '注册服务单位' }).click();
    await page.waitForURL(/\/vendor\/[0-9a-f-]{36}$/);

    await page.getByRole('link', { name: '生活服务 · 经营概况' }).click();
    await page.waitForURL('**/apps/services');
    servicesHome = page.url();
    await expect.poll(() => page.getByText('请先填写服务商资料').count()).toBe(1);
    await page.getByRole('link', { name: '服务商资料' }).first().click();
    await page.getByLabel('服务介绍').fill('专业家庭保洁团队');
    await page.getByLabel('服务电话').fill(owner);
    await page.getByLabel('家政').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(servicesHome);

    const jinse = page
      .locator('section, article, div')
      .filter({ has: page.getByRole('heading', { name: '金色家园' }) })
      .last();
    await jinse.getByLabel('申请说明（选填）').fill('驻点在小区北门');
    await jinse.getByRole('button', { name: '申请入驻' }).click();
    await expect.poll(() => page.getByText('申请已提交').count()).toBe(1);
  });

  it('the admin of 金色家园 admits it', async () => {
    const page = await journey.visitor.newPage(DESKTOP);
    await journey.visitor.signIn(page, '13900000011', 'demo1234');
    await page.goto(`${journey.product.url}/n/jinse-jiayuan/p/services/admin`);
    const card = page
      .locator('section, article, div')
      .filter({ has: page.getByRole('heading', { name: business }) })
      .last();
    await expect.poll(() => card.getByText('驻点在小区北门').count()).toBe(1);
    await card.getByRole('button', { name: '准予入驻' }).click();
    await expect.poll(() => page.getByText('已处理').count()).toBe(1);
    await expect.poll(() => card.getByText('已入驻').count()).toBe(1);
    await page.context().close();
  });

  it('the vendor lists a service in 金色家园 with a bookable slot', async () => {
    const page = vendorPage;
    await page.goto(servicesHome.replace(/\/?$/, '/offerings'));
    await page.getByLabel('名称').fill(service);
    await page.getByLabel('说明').fill('全屋除尘、厨卫去油污，约三小时');
    await page.getByLabel('类别').selectOption('housekeeping');
    await page.getByLabel('价格（元）').fill('12.5x');
    await page.getByRole('button', { name: '新增', exact: true }).click();
    await expect.poll(() => page.getByText('请填写金额').count()).toBeGreaterThan(0);
    await page.getByLabel('价格（元）').fill('268');
    await page.getByRole('button', { name: '新增', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: service }).count()).toBe(1);

    const card = page
      .locator('section, article, div')
      .filter({ has: page.getByRole('heading', { name: service }) })
      .last();
    // Each part of an offering opens on demand.
    await card.getByText('管理图片（0 张）').click();
    await card
      .getByLabel(/^图片/)
      .setInputFiles({ name: '保洁.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1, 'base64') });
    await card.getByRole('button', { name: '上传图片' }).click();
    // The thumbnail beside its price, and the photo in the folded list.
    await expect.poll(() => card.getByRole('img').count()).toBe(2);
    await card.getByText('设置上架小区').click();
    await card.getByLabel('金色家园').check();
    await card.getByRole('button', { name: '保存上架小区' }).click();
    await expect.poll(() => page.getByText('已保存').count()).toBe(1);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + 2 * 86_400_000),
    );
    await card.getByText('管理时段（0 个）').click();
    const single = card.locator('form').filter({ has: page.getByRole('button', { name: '新增时段' }) });
    await single.getByLabel('开始').fill(`${day}T09:00`);
    await single.getByLabel('结束').fill(`${day}T12:00`);
    await single.getByLabel('名额').fill('2');
    await card.getByRole('button', { name: '新增时段' }).click();
    // In the next times shown on the folded card, and in the list of its times.
    await expect.poll(() => card.getByText('已约 0/2').count()).toBe(2);
    // The inbox stays open while the resident orders: it must show the order by itself.
    await page.goto(servicesHome.replace(/\/?$/, '/orders'));
    await expect.poll(() => page.getByText('没有订单').count()).toBe(1);
    // Gone if the page reloads: the order must arrive in this very page.
    await page.evaluate(() => Object.assign(window, { openedBeforeTheOrder: true }));
  });

  it('孙丽 finds it on her phone and books it for her home', async () => {
    const page = await journey.visitor.newPage();
    await journey.visitor.signIn(page, '13900000014', 'demo1234');
    await page.goto(`${journey.product.url}/n/jinse-jiayuan/p/services`);
    await page.getByRole('searchbox').fill(service.slice(0, 4));
    await page.getByRole('button', { name: '搜索' }).click();
    const tile = page.getByRole('link', { name: new RegExp(service) });
    // The vendor's photo, served through the portal from the API.
    await expect
      .poll(() => tile.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    await tile.click();
    await expect.poll(() => page.getByText('268.00 元/次').count()).toBe(1);
    await page.getByRole('radio').first().check();
    // Her account's number is there already.
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13900000014');
    await page.getByLabel('备注（仅服务商可见）').fill('请带鞋套');
    await page.screenshot({ path: `${shots}/e2e-services-order-phone.png`, fullPage: true });
    await page.getByRole('button', { name: '提交订单' }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText('订单已提交').count()).toBe(1);
    await expect.poll(() => page.getByText('待接单').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the open inbox shows the new order without a reload; the vendor accepts, serves and completes it', async () => {
    const page = vendorPage;
    const order = page.getByTestId('vendor-order').filter({ hasText: '请带鞋套' });
    // Pushed over the portal's event stream (there is no polling while the stream is up): seconds, not 30.
    await expect.poll(() => order.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText('有新订单').count()).toBe(1);
    expect(await page.evaluate(() => 'openedBeforeTheOrder' in window)).toBe(true);
    // The header's count went up with it.
    expect(await page.getByRole('link', { name: /^消息，\d+ 条未读$/ }).count()).toBe(1);
    for (const [button, status] of [
      ['接单', '已接单'],
      ['开始服务', '服务中'],
      ['完成服务', '已完成'],
    ] as const) {
      await order.getByRole('button', { name: button }).click();
      await expect.poll(() => order.getByText(status).count()).toBeGreaterThan(0);
    }
  });

  it('孙丽 reviews it, and the vendor sees the review', async () => {
    const page = await journey.visitor.newPage();
    await journey.visitor.signIn(page, '13900000014', 'demo1234');
    await page.goto(`${journey.product.url}/n/jinse-jiayuan/p/services/orders`);
    await page.getByTestId('order').filter({ hasText: service }).click();
    await expect.poll(() => page.getByText('已线下支付').count()).toBe(1);
    await page.getByLabel('评分').selectOption('5');
    await page.getByLabel('评价内容（选填）').fill('非常仔细，准时到达');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => page.getByText('感谢您的评价').count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-services-review-phone.png`, fullPage: true });
    await page.context().close();

    await vendorPage.goto(servicesHome.replace(/\/?$/, '/reviews'));
    await expect.poll(() => vendorPage.getByText('非常仔细，准时到达').count()).toBe(1);
  });

  it('孙丽 complains; it becomes a 码上提 report the admin assigns to the business, which answers in its centre', async () => {
    const resident = await journey.visitor.newPage();
    await journey.visitor.signIn(resident, '13900000014', 'demo1234');
    await resident.goto(`${journey.product.url}/n/jinse-jiayuan/p/services/orders`);
    await resident.getByTestId('order').filter({ hasText: service }).click();
    await resident.getByText('投诉', { exact: true }).click();
    await resident.getByLabel('投诉内容').fill('服务结束后垃圾没有带走');
    await resident.getByRole('button', { name: '提交投诉' }).click();
    await resident.getByRole('link', { name: '查看办理进度' }).click();
    await resident.waitForURL(/\/n\/jinse-jiayuan\/feedback\/[0-9a-f-]{36}$/);
    const reportUrl = resident.url();
    await expect.poll(() => resident.getByText(business, { exact: true }).count()).toBe(1);

    const admin = await journey.visitor.newPage(DESKTOP);
    await journey.visitor.signIn(admin, '13900000011', 'demo1234');
    await admin.goto(`${journey.product.url}/n/jinse-jiayuan/feedback-setup`);
    const unit = `${business}（投诉处理）`;
    await admin.getByLabel('商户', { exact: true }).selectOption({ label: business });
    await admin.locator('#business-name').fill(unit);
    await admin.getByRole('button', { name: '设商户为承办单位' }).click();
    await expect.poll(() => admin.getByText(unit).count()).toBeGreaterThan(0);
    await admin.goto(reportUrl);
    await admin.getByLabel('承办单位').selectOption({ label: `${unit}（服务商家）` });
    await admin.getByRole('button', { name: '交办', exact: true }).click();
    await expect.poll(() => admin.getByText('剩 10 个工作日').count()).toBeGreaterThan(0);
    await admin.context().close();

    // The business finds it in its centre — what and where, not who — and answers it.
    const page = vendorPage;
    await page.goto(servicesHome.replace(/\/apps\/services\/?$/, ''));
    await page.getByRole('link', { name: '码上提交办' }).click();
    await page.getByRole('link', { name: /其他/ }).first().click();
    await expect.poll(() => page.getByText('服务结束后垃圾没有带走', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText('孙丽').count()).toBe(0);
    // A photo of what was done, then the answer.
    await page.setInputFiles('#more-photos', {
      name: 'cleaned.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_1X1, 'base64'),
    });
    await page.getByRole('button', { name: '添加照片' }).click();
    await expect.poll(() => page.getByText('办理结果照片').count()).toBe(1);
    await page.getByLabel('进展或答复内容').fill('已联系保洁员返回清理，并向住户致歉。');
    await page.getByRole('button', { name: '答复（办结待评价）' }).click();
    await expect.poll(() => page.getByText('已答复待评价').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/e2e-services-feedback-answer.png`, fullPage: true });
    await page.context().close();

    await resident.goto(reportUrl);
    await expect.poll(() => resident.getByText('已联系保洁员返回清理，并向住户致歉。').count()).toBe(1);
    await resident.context().close();
  });
});
