import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/demo/accounts.ts';
import { launchBrowser, PHONE_VIEWPORT } from './support/browser.ts';
import { startProduct, type Product } from './support/server.ts';

/**
 * Plugin pages reach the browser through two dynamic imports SvelteKit cannot see when it writes a route's head; the
 * server inlines their styles and preloads their modules itself (apps/portal/dynamic-assets.ts). Read with scripts off,
 * as a phone shows a page before its scripts have run: every component's scoped class on the page has its rules in
 * the page's stylesheets (otherwise the page is drawn unstyled, then jumps), and every module it preloads exists.
 */
const TENANT = 'jinse-jiayuan';

/** The components' scoped classes (`svelte-1abcd2`) on the page that no stylesheet of the page has a rule for. */
const unstyled = (page: Page) =>
  page.evaluate(() => {
    const scoped = /svelte-[a-z0-9]+/g;
    const styled = new Set<string>();
    for (const sheet of Array.from(document.styleSheets))
      for (const rule of Array.from(sheet.cssRules))
        for (const [hash] of rule.cssText.matchAll(scoped)) styled.add(hash);
    const used = new Set(
      Array.from(document.querySelectorAll('[class*="svelte-"]')).flatMap((element) =>
        Array.from(element.classList).filter((name) => /^svelte-[a-z0-9]+$/.test(name)),
      ),
    );
    return [...used].filter((hash) => !styled.has(hash));
  });

let product: Product;
let browser: Browser;
beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

/** A phone with scripts off, signed in through the sign-in form (which works without them) when given a phone. */
async function withoutScripts(phone?: string) {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', javaScriptEnabled: false });
  const page = await context.newPage();
  if (phone) {
    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/home');
  }
  return { page, close: () => context.close() };
}

/** Opens a plugin page and checks its head: styled throughout, its preloaded modules there. */
async function expectDrawnStyled(page: Page, url: string) {
  await page.goto(url);
  expect(await page.getByRole('heading', { level: 1 }).count(), url).toBe(1);
  expect(await unstyled(page), url).toEqual([]);
  const modules = await page
    .locator('link[rel="modulepreload"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(modules.length, url).toBeGreaterThan(0);
  for (const href of modules) expect((await page.request.get(href)).status(), href).toBe(200);
}

describe('plugin pages as the server draws them', () => {
  it('a resident’s services catalogue, order list and meeting page, and the public receipt check', async () => {
    const resident = await withoutScripts(DEMO_ACCOUNTS.residentA.phone);
    try {
      const { page } = resident;
      await expectDrawnStyled(page, `${product.url}/n/${TENANT}/p/services`);
      await expectDrawnStyled(page, `${product.url}/n/${TENANT}/p/services/orders`);
      await page.goto(`${product.url}/n/${TENANT}/p/voting/meetings`);
      const meeting = await page.locator('a[href*="/p/voting/meetings/"]').first().getAttribute('href');
      await expectDrawnStyled(page, new URL(meeting!, product.url).href);
    } finally {
      await resident.close();
    }
    const visitor = await withoutScripts();
    try {
      await expectDrawnStyled(visitor.page, `${product.url}/p/${TENANT}/apps/voting/verify`);
    } finally {
      await visitor.close();
    }
  });

  it('a vendor’s business pages', async () => {
    const vendor = await withoutScripts(DEMO_ACCOUNTS.vendorOwner.phone);
    try {
      const { page } = vendor;
      await page.goto(`${product.url}/vendor`);
      await page.getByRole('link', { name: /安心到家服务站/ }).click();
      await page
        .getByRole('link', { name: /生活服务/ })
        .first()
        .click();
      await expectDrawnStyled(page, page.url());
    } finally {
      await vendor.close();
    }
  });
});
