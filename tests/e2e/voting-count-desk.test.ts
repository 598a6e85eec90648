import { describe, expect, it } from 'vitest';
import { demoJourney } from './support/demo-journey.ts';

/**
 * 业主大会 beyond the owner's own vote, in real Chromium against the product as `npm start` runs it: the committee
 * adds a motion that only one building's owners decide; tellers enter a proxy ballot with its signed authorisation, a
 * paper sheet, a repeated sheet number (refused beside the field) and a sheet that is 废票 as a whole, and see where
 * the paper went (纸质票对账).
 */
const journey = demoJourney();
const shots = 'tests/.artifacts';
const DESKTOP = { width: 1280, height: 900 };
const running = '2026年第二次业主大会';
/** A 1×1 PNG: the photo of a signed authorisation. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** An instant as a datetime-local value in Beijing time. */
const beijingInput = (time: number) => new Date(time + 8 * 3600_000).toISOString().slice(0, 16);

describe('业主大会: scoped motions and the count desk', () => {
  it('the committee drafts a meeting and adds a motion that only 2栋 decides', async () => {
    const committee = await journey.visitor.newPage();
    await journey.visitor.signIn(committee, '13900000013', 'demo1234');
    await committee.goto(`${journey.product.url}/n/jinse-jiayuan/p/voting/meetings`);
    await committee.getByLabel('会议名称').fill('2栋外墙维修业主大会');
    await committee.getByLabel('投票开始时间').fill(beijingInput(Date.now() + 20 * 86400_000));
    await committee.getByLabel('投票截止时间').fill(beijingInput(Date.now() + 30 * 86400_000));
    await committee.getByRole('button', { name: '保存草稿' }).click();
    await committee.waitForURL(/\/manage$/);

    await committee.getByLabel('事项类型').selectOption({ label: '第5项：使用建筑物及其附属设施的维修资金' });
    await committee.getByLabel('表决事项名称').fill('使用2栋维修资金修缮外墙');
    // Some buildings, none ticked: refused beside the boxes.
    await committee.getByRole('radio', { name: '指定楼栋的业主' }).check();
    await committee.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => committee.locator('#motion-scope-error').count(), { timeout: 15_000 }).toBe(1);
    await committee.getByRole('group', { name: '指定楼栋的业主' }).getByLabel('2栋', { exact: true }).check();
    await committee.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => committee.getByText('已添加表决事项。').count(), { timeout: 15_000 }).toBe(1);
    expect(await committee.getByText('仅 2栋 业主表决').count()).toBe(1);
    await committee.screenshot({ path: `${shots}/e2e-voting-scoped-motion-phone.png`, fullPage: true });
    await committee.context().close();
  });

  it('tellers enter a proxy ballot with its authorisation, refuse a repeated sheet number and record a 废票 sheet', async () => {
    const staff = await journey.visitor.newPage(DESKTOP);
    await journey.visitor.signIn(staff, '13900000012', 'demo1234');
    await staff.goto(`${journey.product.url}/n/jinse-jiayuan/p/voting/meetings`);
    await staff.getByRole('link', { name: running }).click();
    await staff.waitForURL(/\/meetings\/[^/]+$/);
    await staff.getByRole('link', { name: '管理与计票' }).click();
    await staff.waitForURL(/\/manage$/);
    const pickNext = async () => {
      await staff
        .getByRole('link', { name: /^为 1栋 .* 录入表决票$/ })
        .first()
        .click();
      await expect.poll(() => staff.getByLabel('表决票编号').count(), { timeout: 15_000 }).toBe(1);
    };
    const agreeToAll = async () => {
      for (const group of await staff.getByRole('group', { name: /^\d+\. / }).all())
        await group.getByLabel('同意').check();
    };
    const enter = () => staff.getByRole('button', { name: '录入（等待第二人核对）' }).click();

    // A proxy: the holder's name and the signed authorisation, uploaded with the entry.
    await pickNext();
    expect(await staff.getByRole('group', { name: /^\d+\. / }).count()).toBe(3);
    await staff.getByRole('radio', { name: '委托他人表决' }).check();
    await staff.getByLabel('受托人姓名').fill('王代理');
    await staff.getByLabel('授权委托书').setInputFiles({
      name: 'authorisation.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_1X1, 'base64'),
    });
    await agreeToAll();
    await staff.screenshot({ path: `${shots}/e2e-voting-proxy-entry.png`, fullPage: true });
    await enter();
    await expect.poll(() => staff.getByText(/已录入 .* 的表决票/).count(), { timeout: 15_000 }).toBe(1);
    const document = staff.getByRole('link', { name: '查看委托书' });
    expect(await document.count()).toBe(1);
    const opened = await staff.request.get(new URL((await document.getAttribute('href'))!, journey.product.url).href);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toBe('image/png');

    // A paper sheet, then the same sheet number again for another owner: refused beside the number.
    await pickNext();
    await staff.getByLabel('表决票编号').fill('E2E-0001');
    await agreeToAll();
    await enter();
    await expect.poll(() => staff.getByText(/已录入 .* 的表决票/).count(), { timeout: 15_000 }).toBe(1);
    await pickNext();
    await staff.getByLabel('表决票编号').fill('E2E-0001');
    await agreeToAll();
    await enter();
    await expect.poll(() => staff.locator('#entry-paperRef-error').count(), { timeout: 15_000 }).toBe(1);
    expect(await staff.locator('#entry-paperRef-error').textContent()).toContain('已经录入过');

    // The same owner's sheet under its own number, 废票 as a whole: no answers.
    await staff.getByLabel('表决票编号').fill('E2E-0002');
    await staff.getByLabel('整张废票', { exact: true }).check();
    await enter();
    await expect.poll(() => staff.getByText(/已录入 .* 的表决票/).count(), { timeout: 15_000 }).toBe(1);
    expect(await staff.getByText('整张废票', { exact: true }).count()).toBeGreaterThan(0);

    // Where the paper went: the refused repeat and the proxy holder are counted.
    await expect.poll(() => staff.getByText('王代理：代理 1 户').count(), { timeout: 15_000 }).toBe(1);
    expect(await staff.getByText('1 次').count()).toBe(1);
    await staff.screenshot({ path: `${shots}/e2e-voting-count-desk.png`, fullPage: true });
    await staff.context().close();
  });
});
