import { compareNatural } from '@city/contracts/values';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE_VIEWPORT } from './support/browser.ts';
import { demoJourney } from './support/demo-journey.ts';

/**
 * The neighbourhood admin's long lists, sized for a real neighbourhood: a building as a floor × room grid on a desktop
 * and one line per unit on a phone, rooms in the order people count them, searchable; members one line each with the
 * role editor opened on demand; the verification queue reading top to bottom. None scrolls sideways on a 360 px phone.
 */
const journey = demoJourney();
const ADMIN = '13900000011';
const DESKTOP = { width: 1280, height: 800 };
const NARROW = { width: 360, height: 740 };
const slug = 'jinse-jiayuan';

async function admin(viewport = PHONE_VIEWPORT): Promise<Page> {
  const page = await journey.visitor.newPage(viewport);
  await journey.visitor.signIn(page, ADMIN, 'demo1234');
  return page;
}

async function openBuilding(page: Page, name: string) {
  await page.goto(`${journey.product.url}/n/${slug}/registry`);
  await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** The room numbers shown, without the 单元 the links' names carry for screen readers. */
const rooms = (labels: Locator) =>
  labels.evaluateAll((els) =>
    els.map((el) => (el.textContent ?? '').replace(el.querySelector('.visually-hidden')?.textContent ?? '', '').trim()),
  );

describe('a building in the registry', () => {
  it('is a floor × room grid on a desktop, top floor first, searchable by room and filtered by 单元', async () => {
    const page = await admin(DESKTOP);
    await openBuilding(page, '2栋');
    const grid = page.getByRole('table', { name: /^1单元/ });
    await expect.poll(() => grid.isVisible()).toBe(true);
    expect(await page.locator('.list-view').first().isVisible()).toBe(false);
    const floors = await grid.getByRole('rowheader').allInnerTexts();
    expect(floors[0]).toBe('15 层');
    expect(floors.at(-1)).toBe('1 层');
    expect(await grid.getByRole('columnheader').allInnerTexts()).toEqual(['楼层', '01', '02']);
    const firstFloor = await rooms(grid.locator('tbody tr').last().locator('.cell strong'));
    expect(firstFloor).toEqual(['101', '102']);
    // Co-owners read as a list of names; nothing marks one with a bare asterisk.
    expect(await page.locator('.grid-view').first().innerText()).not.toContain('*');
    await page.screenshot({ path: 'tests/.artifacts/e2e-building-grid-desktop.png', fullPage: true });

    await page.getByLabel('门牌号或业主姓名').fill('1502');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '1502');
    await expect.poll(() => page.getByRole('link', { name: /1502/ }).count()).toBe(2);
    expect(await page.getByText('找到 2 户（共 60 户）').count()).toBe(1);

    await page.locator('#building-entrance').selectOption('2单元');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('entrance') === '2单元');
    await expect.poll(() => page.getByRole('link', { name: /1502/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /^2单元 1502/ }).count()).toBe(1);
    await page.getByRole('link', { name: '清除筛选' }).click();
    await expect.poll(() => page.getByRole('table').count()).toBe(2);
    await page.context().close();
  });

  it('is one line per unit on a phone, rooms in natural order, and finds an owner by name', async () => {
    const page = await admin();
    await openBuilding(page, '2栋');
    const list = page.locator('.list-view').first();
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await page.locator('.grid-view').first().isVisible()).toBe(false);
    const order = await rooms(list.locator('li strong'));
    expect(order).toHaveLength(30);
    expect(order).toEqual([...order].sort(compareNatural));
    expect(order.indexOf('202')).toBeLessThan(order.indexOf('1001'));
    const heights = await list
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(60);
    // Some unit of the demo is co-owned: its owners are joined as people write a list of names.
    const coOwned = page.locator('.list-view .names', { hasText: '、' });
    await expect.poll(() => coOwned.count()).toBeGreaterThan(0);
    const owners = (await coOwned.first().innerText()).split('、');
    expect(owners).toHaveLength(2);
    await page.screenshot({ path: 'tests/.artifacts/e2e-building-list-phone.png', fullPage: true });

    await page.getByLabel('门牌号或业主姓名').fill(owners[1]!);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === owners[1]);
    await expect.poll(() => page.locator('.list-view .names', { hasText: owners[1]! }).count()).toBeGreaterThan(0);
    expect(await page.locator('.list-view li').count()).toBeLessThan(60);
    await page.context().close();
  });
});

describe('members', () => {
  it('are one line each, with the role editor opened on demand, searchable and filtered by role', async () => {
    const page = await admin(DESKTOP);
    await page.goto(`${journey.product.url}/n/${slug}/members`);
    const rows = page.locator('ul.members > li');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    const staff = rows.filter({ hasText: '刘芳' });
    expect(await staff.locator('.badges').innerText()).toBe('工作人员');
    expect(await staff.innerText()).toMatch(/1\d\d\*{4}\d{4}/);
    await staff.getByText('修改角色').click();
    await expect.poll(() => staff.getByRole('checkbox').count()).toBe(4);
    expect(await staff.getByRole('checkbox', { name: '工作人员' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox').count()).toBe(4);
    await page.screenshot({ path: 'tests/.artifacts/e2e-members-desktop.png', fullPage: true });

    await page.locator('#members-role').selectOption('staff');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('role') === 'staff');
    await expect.poll(() => rows.filter({ hasText: '刘芳' }).count()).toBe(1);
    const badges = await rows.locator('.badges').allInnerTexts();
    expect(badges.every((text) => text.includes('工作人员'))).toBe(true);

    await page.getByLabel('姓名').fill('陈建国');
    await page.locator('#members-role').selectOption('');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '陈建国');
    await expect.poll(() => rows.first().locator('.who').innerText()).toContain('陈建国');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('.badges').innerText()).toContain('管理员');
    await page.context().close();
  });
});

describe('the verification queue', () => {
  it('asks for the owner record first and the relation below it, as the words say', async () => {
    const page = await admin(DESKTOP);
    await page.goto(`${journey.product.url}/n/${slug}/verifications`);
    const record = page.getByLabel('对应的登记业主').first();
    const relation = page.getByLabel('不是业主时，认定为').first();
    await expect.poll(() => record.count()).toBe(1);
    expect(await page.getByText('选择上方').count()).toBe(0);
    expect(await record.locator('option').first().textContent()).toBe('不是登记业主（在下方选择关系）');
    const [above, below] = [await record.boundingBox(), await relation.boundingBox()];
    expect(above!.y).toBeLessThan(below!.y);
    await page.context().close();
  });
});

describe('no sideways scroll', () => {
  it('keeps the registry, a building, members and verifications within a 360 px phone', async () => {
    const page = await admin(NARROW);
    await openBuilding(page, '1栋');
    const building = page.url();
    for (const [name, url] of [
      ['registry', `${journey.product.url}/n/${slug}/registry`],
      ['building', building],
      ['members', `${journey.product.url}/n/${slug}/members`],
      ['verifications', `${journey.product.url}/n/${slug}/verifications`],
    ] as const) {
      await page.goto(url);
      await page.locator('h1').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tests/.artifacts/e2e-${name}-narrow.png`, fullPage: true });
    }
    await page.context().close();
  });
});
