import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoJourney } from './support/demo-journey.ts';

/**
 * The portal's header and each role's home, in real Chromium on a small phone (360 px, the narrowest we serve) and a
 * desktop: every role's home loads without sideways scrolling, the menu (a button on phones) leads to every place the
 * role works in, and the account is one tap away once the menu is open.
 */
const journey = demoJourney();
const shots = 'tests/.artifacts';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

const EVERYONE = ['/home', '/vendor', '/apply', '/account'];
const SUPERVISOR = ['/home', '/supervision', '/supervision/applications', '/vendor', '/apply', '/account'];
const ROLES = [
  { who: 'resident', phone: '13900000014', nav: EVERYONE },
  { who: 'neighbourhood-admin', phone: '13900000011', nav: EVERYONE },
  { who: 'vendor', phone: '13900000041', nav: EVERYONE },
  { who: 'street-staff', phone: '13900000001', nav: SUPERVISOR },
  { who: 'community-staff', phone: '13900000002', nav: SUPERVISOR },
  {
    who: 'operator',
    phone: '13900000000',
    nav: [
      '/home',
      '/supervision',
      '/supervision/applications',
      '/operator/regions',
      '/operator/plugins',
      '/operator/deliveries',
      '/operator/calendar',
      '/vendor',
      '/apply',
      '/account',
    ],
  },
];

const menu = (page: Page) => page.locator('header details');
const nav = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

/** Opens the phone's menu when the page has one (wide screens show the navigation in the bar). */
async function openMenu(page: Page) {
  const button = menu(page).locator('summary');
  if (!(await button.isVisible())) return;
  if ((await menu(page).getAttribute('open')) === null) await button.click();
  await expect.poll(() => nav(page).isVisible()).toBe(true);
}

/** How far the page reaches past the viewport's right edge (0: it does not scroll sideways). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the header and home of every role', () => {
  for (const role of ROLES) {
    it(`${role.who}: home, menu and account at 360 px and 1280 px`, async () => {
      const page = await journey.visitor.newPage(PHONE);
      await journey.visitor.signIn(page, role.phone, 'demo1234');
      const sideways: string[] = [];
      for (const viewport of [PHONE, DESKTOP]) {
        await page.setViewportSize(viewport);
        await page.goto(`${journey.product.url}/home`);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
        expect(await overflow(page), `${role.who} home at ${viewport.width} px`).toBeLessThanOrEqual(0);

        await openMenu(page);
        const links = await nav(page)
          .getByRole('link')
          .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        expect(links).toEqual(role.nav);
        await expect.poll(() => nav(page).getByRole('link', { name: '账号' }).isVisible()).toBe(true);
        // The bar's own tools stay reachable on a phone: the language switch and signing out are in the menu.
        await expect.poll(() => page.getByRole('button', { name: '切换语言' }).isVisible()).toBe(true);
        await expect.poll(() => page.getByRole('button', { name: '退出' }).isVisible()).toBe(true);
        await page.screenshot({ path: `${shots}/e2e-shell-${role.who}-${viewport.width}.png` });

        // Every destination through the menu, each page without sideways scroll.
        for (const href of role.nav.slice(1)) {
          await openMenu(page);
          await nav(page).locator(`a[href="${href}"]`).click();
          await page.waitForURL((url) => url.pathname === href);
          await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
          if (viewport === PHONE) expect(await menu(page).getAttribute('open')).toBeNull();
          if ((await overflow(page)) > 0) sideways.push(`${href} at ${viewport.width} px`);
        }
      }
      expect(sideways).toEqual([]);
      await page.context().close();
    });
  }

  it('the phone menu closes on Escape and opens without JavaScript', async () => {
    const page = await journey.visitor.newPage(PHONE);
    await journey.visitor.signIn(page, '13900000001', 'demo1234');
    await openMenu(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu(page).getAttribute('open')).toBeNull();
    await expect.poll(() => nav(page).isVisible()).toBe(false);

    // The same person in a browser without JavaScript: the menu is a <details>, so it still opens.
    const browser = page.context().browser();
    if (!browser) throw new Error('the page has no browser');
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      storageState: await page.context().storageState(),
      javaScriptEnabled: false,
    });
    const plain = await context.newPage();
    await plain.goto(`${journey.product.url}/home`);
    await plain.locator('header summary').click();
    await expect.poll(() => nav(plain).getByRole('link', { name: '账号' }).isVisible()).toBe(true);
    await context.close();
    await page.context().close();
  });
});

describe('what each role sees first', () => {
  it('the 街道 officer starts from their area, not from becoming a vendor', async () => {
    const page = await journey.visitor.newPage(PHONE);
    await journey.visitor.signIn(page, '13900000001', 'demo1234');
    const main = page.getByRole('main');
    await expect.poll(() => main.getByRole('heading', { name: '辖区概况' }).count()).toBe(1);
    await expect.poll(() => main.getByRole('link', { name: /辖区小区/ }).count()).toBeGreaterThan(0);
    expect(await main.getByRole('link', { name: '进入服务商中心' }).count()).toBe(0);
    expect(await main.getByRole('link', { name: '申请开通' }).count()).toBe(0);
    await page.screenshot({ path: `${shots}/e2e-shell-street-home.png`, fullPage: true });

    // A neighbourhood of the area: what it is, its 码上提 figures, its committee, its public notices and its apps.
    await page.goto(`${journey.product.url}/supervision/neighbourhoods/jinse-jiayuan`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '金色家园' }).count()).toBe(1);
    for (const heading of ['概况', '业委会', '最新公示', '应用（只读）']) {
      await expect.poll(() => main.getByRole('heading', { name: heading, exact: true }).count()).toBe(1);
    }
    await expect.poll(() => main.getByRole('heading', { name: /^码上提（\d{4} 年至今）$/ }).count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/e2e-shell-supervised-neighbourhood.png`, fullPage: true });
    await page.context().close();
  });

  it('a resident sees their neighbourhood and a vendor their business', async () => {
    const resident = await journey.visitor.newPage(PHONE);
    await journey.visitor.signIn(resident, '13900000014', 'demo1234');
    await expect
      .poll(() =>
        resident
          .getByRole('main')
          .getByRole('link', { name: /金色家园/ })
          .count(),
      )
      .toBe(1);
    expect(await resident.getByRole('main').getByRole('link', { name: '进入服务商中心' }).count()).toBe(0);
    await resident.context().close();

    const vendor = await journey.visitor.newPage(PHONE);
    await journey.visitor.signIn(vendor, '13900000041', 'demo1234');
    const mine = vendor.getByRole('main').getByRole('heading', { name: '我所在的服务单位' });
    await expect.poll(() => mine.count()).toBe(1);
    await expect
      .poll(() =>
        vendor
          .getByRole('main')
          .getByRole('link', { name: /安心到家服务站/ })
          .count(),
      )
      .toBe(1);
    await vendor.context().close();
  });

  it('the landing page speaks to residents, neighbourhood admins and vendors, without tech talk', async () => {
    const page = await journey.visitor.newPage(PHONE);
    await page.goto(journey.product.url);
    for (const heading of ['居民、业主', '物业、居委会、业委会', '生活服务商']) {
      await expect.poll(() => page.getByRole('heading', { name: heading }).count()).toBe(1);
    }
    const text = await page.getByRole('main').innerText();
    expect(text).toContain('生活服务');
    expect(text).not.toContain('数据库');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/e2e-landing-360.png`, fullPage: true });
    await page.context().close();
  });
});
