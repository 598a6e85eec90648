import { compareNatural } from '@city/contracts/values';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoJourney } from './support/demo-journey.ts';

/**
 * 业主大会 pages at the scale and with the care of the apps people know: the ballot is shown back in words before it
 * is cast; the meetings list says who has voted; the count desk's roll reads rooms as people do and filters those
 * still to vote; a counted meeting pictures each motion's agree / oppose / abstain against its threshold, with the
 * same said in words and kept on paper, the long hashes folded below.
 */
const journey = demoJourney();
const shots = 'tests/.artifacts';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const running = '2026年第二次业主大会';
const ended = '关于增设电动自行车充电棚的业主大会';

async function signedIn(phone: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await journey.visitor.newPage(viewport);
  await journey.visitor.signIn(page, phone, 'demo1234');
  return page;
}

const meetingsUrl = () => `${journey.product.url}/n/jinse-jiayuan/p/voting/meetings`;

/** The meetings list's card of one meeting. */
const meetingCard = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });

async function expectNoSidewaysScroll(page: Page) {
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await expect.poll(wide, { timeout: 5_000 }).toBeLessThanOrEqual(0);
}

describe('业主大会: results, the roll and the ballot check', () => {
  it('an owner sees her choices in words before casting, can go back to change them, and the list says she voted', async () => {
    const owner = await signedIn('13900000014', PHONE);
    await owner.goto(meetingsUrl());
    await expect.poll(() => meetingCard(owner, running).getByText('未投票', { exact: true }).count()).toBe(1);
    await expectNoSidewaysScroll(owner);
    await owner.screenshot({ path: `${shots}/e2e-voting-meetings-phone.png`, fullPage: true });

    await owner.getByRole('link', { name: running }).click();
    await owner.waitForURL(/\/meetings\/[^/]+$/);
    const tick = async (choices: ReadonlyArray<readonly [string, string]>) => {
      for (const [motion, choice] of choices)
        await owner
          .getByRole('group', { name: new RegExp(motion) })
          .getByLabel(choice)
          .check();
    };
    await tick([
      ['续聘', '同意'],
      ['电梯', '弃权'],
      ['快递柜', '反对'],
    ]);
    await owner.getByRole('button', { name: '下一步：核对选择' }).click();
    const check = owner.getByRole('region', { name: '请核对您的选择' });
    await expect.poll(() => check.count(), { timeout: 15_000 }).toBe(1);
    expect(await check.getByText('同意', { exact: true }).count()).toBe(1);
    expect(await check.getByText('弃权', { exact: true }).count()).toBe(1);
    expect(await check.getByText('反对', { exact: true }).count()).toBe(1);
    expect(await check.getByText('提交后不能更改，请核对后再提交。').count()).toBe(1);
    await expectNoSidewaysScroll(owner);
    await check.screenshot({ path: `${shots}/e2e-voting-ballot-check-phone.png` });

    // Back to the form: the choices are still ticked; one is changed and checked again.
    await check.getByRole('button', { name: '返回修改' }).click();
    const elevator = owner.getByRole('group', { name: /电梯/ });
    await expect.poll(() => elevator.getByLabel('弃权').isChecked(), { timeout: 15_000 }).toBe(true);
    await tick([['电梯', '同意']]);
    await owner.getByRole('button', { name: '下一步：核对选择' }).click();
    await expect.poll(() => check.getByText('同意', { exact: true }).count(), { timeout: 15_000 }).toBe(2);
    expect(await check.getByText('弃权', { exact: true }).count()).toBe(0);
    await check.getByRole('button', { name: '确认提交表决票' }).click();
    const receipt = owner.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect.poll(() => receipt.count(), { timeout: 15_000 }).toBe(1);

    await owner.goto(meetingsUrl());
    await expect.poll(() => meetingCard(owner, running).getByText('已投票', { exact: true }).count()).toBe(1);
    await owner.context().close();
  });

  it('the count desk lists rooms in natural order, filters those still to vote, and names co-owners as a list', async () => {
    const staff = await signedIn('13900000012', DESKTOP);
    await staff.goto(meetingsUrl());
    await staff.getByRole('link', { name: running }).click();
    await staff.waitForURL(/\/meetings\/[^/]+$/);
    await staff.getByRole('link', { name: '管理与计票' }).click();
    await staff.waitForURL(/\/manage$/);

    const roll = staff.getByRole('list', { name: '录入纸质和委托表决票' });
    const labels = () => roll.getByRole('listitem').locator('strong').allTextContents();
    /** Filters the roll (a GET form) and waits for the page it leads to. */
    const search = async (status: string, building: string) => {
      await staff.getByLabel('投票情况').selectOption({ label: status });
      await staff.getByLabel('楼栋', { exact: true }).selectOption({ label: building });
      const value = await staff.getByLabel('投票情况').inputValue();
      await staff.getByRole('button', { name: '查找' }).click();
      await staff.waitForURL(
        (url) => url.searchParams.get('status') === value && url.searchParams.get('building') === building,
      );
    };
    await search('全部', '1栋');
    await expect.poll(() => staff.getByText(/^共 \d+ 户，显示第 1–\d+ 户$/).count(), { timeout: 15_000 }).toBe(1);
    const all = await labels();
    expect(all.length).toBeGreaterThan(20);
    expect(all).toEqual([...all].sort(compareNatural));
    // Floors 2–9 before floor 10, not "1001" straight after "101" as text would sort them.
    const rooms = all.filter((label) => label.startsWith('1栋 1单元 ')).map((label) => label.split(' ')[2]!);
    const lastLow = rooms.findLastIndex((room) => room.length === 3);
    const firstHigh = rooms.findIndex((room) => room.length === 4);
    expect(rooms[lastLow]).toMatch(/^[2-9]/);
    expect(firstHigh).toBeGreaterThan(lastLow);
    const names = await roll.getByRole('listitem').locator('.muted').allTextContents();
    expect(names.some((line) => /^\S+、\S+ · /.test(line))).toBe(true);
    expect(names.some((line) => line.includes('*'))).toBe(false);
    const total = Number((await staff.getByText(/^共 \d+ 户/).textContent())!.match(/\d+/)![0]);

    // 未投票: only those without a ballot, still in natural order.
    await search('未投票', '1栋');
    await expect.poll(() => staff.getByText(/^共 \d+ 户/).count(), { timeout: 15_000 }).toBe(1);
    const unvoted = Number((await staff.getByText(/^共 \d+ 户/).textContent())!.match(/\d+/)![0]);
    expect(unvoted).toBeLessThanOrEqual(total);
    expect(await roll.getByText('已有表决票').count()).toBe(0);
    expect(await roll.getByRole('link', { name: /^为 1栋 .* 录入表决票$/ }).count()).toBe(
      await roll.getByRole('listitem').count(),
    );
    const filtered = await labels();
    expect(filtered).toEqual([...filtered].sort(compareNatural));
    await staff.screenshot({ path: `${shots}/e2e-voting-roll-unvoted.png`, fullPage: true });

    // Everyone in 2栋 was asked; those who voted show as such under 已投票.
    await search('已投票', '2栋');
    await expect.poll(() => roll.getByText('已有表决票').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await roll.getByRole('link', { name: /录入表决票$/ }).count()).toBe(0);

    const small = await signedIn('13900000012', PHONE);
    await small.goto(staff.url());
    await expect
      .poll(() => small.getByRole('list', { name: '录入纸质和委托表决票' }).count(), { timeout: 15_000 })
      .toBe(1);
    await expectNoSidewaysScroll(small);
    await small.screenshot({ path: `${shots}/e2e-voting-roll-phone.png`, fullPage: true });
    await small.context().close();
    await staff.context().close();
  });

  it('a counted meeting shows each motion against its threshold in words and bars, printable, the hashes folded below', async () => {
    const committee = await signedIn('13900000013', DESKTOP);
    await committee.goto(meetingsUrl());
    await committee.getByRole('link', { name: ended }).click();
    await committee.waitForURL(/\/meetings\/[^/]+$/);
    const meetingUrl = committee.url();
    await committee.getByRole('link', { name: '管理与计票' }).click();
    await committee.waitForURL(/\/manage$/);
    await committee.getByRole('link', { name: '结束投票并计票' }).click();
    const confirmation = committee.getByRole('region', { name: '请确认：结束投票并计票' });
    await expect.poll(() => confirmation.count(), { timeout: 15_000 }).toBe(1);
    expect(
      await confirmation.getByText('网上投票和纸质票录入都将停止，2 项表决事项按冻结的业主名册计票。').count(),
    ).toBe(1);
    await confirmation.getByRole('button', { name: '确认结束投票并计票' }).click();
    await expect.poll(() => committee.getByText('已计票，结果已公示。').count(), { timeout: 30_000 }).toBe(1);

    for (const [page, name] of [
      [committee, 'desktop'],
      [await signedIn('13900000014', PHONE), 'phone'],
    ] as const) {
      await page.goto(meetingUrl);
      // Item 8 of art. 278 (a common part's use) needs three quarters; item 9 (other matters) more than half.
      const special = page.getByText(/^同意占参与表决面积的 \d+\.\d{2}%，需达到 75% 以上：(已达到|未达到)。$/);
      const ordinary = page.getByText(/^同意占参与表决人数的 \d+\.\d{2}%，需超过 50%：(已达到|未达到)。$/);
      await expect.poll(() => special.count(), { timeout: 15_000 }).toBe(1);
      expect(await ordinary.count()).toBe(1);
      expect(await page.getByRole('figure', { name: '按专有部分面积' }).count()).toBe(2);
      expect(await page.getByRole('figure', { name: '按业主人数' }).count()).toBe(2);
      expect(await page.getByText(/^同意 \d+\.\d{2}%（[\d,]+\.\d{2} ㎡）$/).count()).toBe(2);
      expect(await page.getByText(/^未表决：/).count()).toBe(2);

      // The hashes come after the results, folded.
      const hashes = page.locator('details').filter({ hasText: '核对用的哈希值' });
      expect(await hashes.count()).toBe(1);
      expect(await hashes.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
      const resultTop = (await special.boundingBox())!.y;
      expect((await hashes.boundingBox())!.y).toBeGreaterThan(resultTop);
      if (name === 'phone') await expectNoSidewaysScroll(page);
      await page.screenshot({ path: `${shots}/e2e-voting-results-${name}.png`, fullPage: true });

      // On paper the bars keep their colours and lengths.
      await page.emulateMedia({ media: 'print' });
      const bar = page
        .getByRole('figure', { name: '按专有部分面积' })
        .first()
        .locator('[aria-hidden="true"] > span')
        .first();
      const printed = await bar.evaluate((segment) => ({
        adjust: getComputedStyle(segment).printColorAdjust,
        width: segment.getBoundingClientRect().width,
      }));
      expect(printed.adjust).toBe('exact');
      expect(printed.width).toBeGreaterThan(0);
      await page.context().close();
    }
  });
});
