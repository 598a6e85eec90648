import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoJourney } from './support/demo-journey.ts';

/**
 * Every enhanced form of the portal, shown here on the account page's "sign out this device": while its request runs
 * the button is pending and the form cannot be sent again; the result is announced — done in a status region, a
 * refusal with its own message in an alert. The request is held by the test, so nothing depends on how fast it runs.
 */
const journey = demoJourney();
const RESIDENT = '13900000014';
const DESKTOP = { width: 1280, height: 800 };

/** Holds the form requests of one action until released, counting them. */
async function holdAction(page: Page, action: string) {
  const held: Route[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.search === `?/${action}`,
    async (route) => {
      held.push(route);
      await released;
      await route.continue();
    },
  );
  return { count: () => held.length, release };
}

async function otherSessions(page: Page) {
  const revoke = page.getByRole('button', { name: '退出该设备' });
  await expect.poll(() => revoke.count()).toBeGreaterThan(0);
  return revoke;
}

describe('forms while they are sent', () => {
  for (const viewport of [undefined, DESKTOP]) {
    it(`shows the pressed button as pending, sends once and announces the result (${viewport ? 'desktop' : 'phone'})`, async () => {
      // A second device of the same person, to sign out from the first.
      const other = await journey.as(RESIDENT);
      const page = await journey.visitor.newPage(viewport);
      await journey.visitor.signIn(page, RESIDENT, 'demo1234');
      await page.goto(`${journey.product.url}/account`);
      const before = await (await otherSessions(page)).count();

      const hold = await holdAction(page, 'revoke');
      const button = (await otherSessions(page)).first();
      const form = page.locator('form[action="?/revoke"]').first();
      await button.click();
      await expect.poll(() => hold.count()).toBe(1);
      expect(await form.getAttribute('aria-busy')).toBe('true');
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('data-pending')).toBe('');
      // Enter pressed again, or a script submitting: dropped before it is sent.
      await form.evaluate((f: HTMLFormElement) => f.requestSubmit());
      expect(hold.count()).toBe(1);

      hold.release();
      await expect.poll(() => page.getByRole('status').filter({ hasText: '已完成' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('button', { name: '退出该设备' }).count()).toBe(before - 1);
      expect(await page.locator('form[aria-busy]').count()).toBe(0);
      expect(hold.count()).toBe(1);
      await other.context().close();
      await page.context().close();
    });
  }

  it('announces a refusal with its message as an alert, and the form can be sent again', async () => {
    const other = await journey.as(RESIDENT);
    const page = await journey.as(RESIDENT);
    await page.goto(`${journey.product.url}/account`);
    const buttons = await otherSessions(page);
    // The page still lists a device that another page has signed out in the meantime.
    const stale = await page.locator('form[action="?/revoke"] input[name="sessionId"]').first().inputValue();
    const elsewhere = await journey.as(RESIDENT);
    await elsewhere.goto(`${journey.product.url}/account`);
    await elsewhere.locator(`form:has(input[value="${stale}"]) button`).click();
    await expect.poll(() => elsewhere.getByRole('status').filter({ hasText: '已完成' }).count()).toBe(1);

    await page.locator(`form:has(input[value="${stale}"]) button`).click();
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await expect.poll(() => alert.count()).toBeGreaterThan(0);
    expect(await page.getByRole('alert').last().innerText()).not.toContain('已完成');
    expect(await buttons.first().isDisabled()).toBe(false);
    await page.getByRole('button', { name: '关闭提示' }).click();
    await expect.poll(() => page.getByRole('button', { name: '关闭提示' }).count()).toBe(0);
    for (const p of [other, page, elsewhere]) await p.context().close();
  });
});
