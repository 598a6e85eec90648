import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addDirectoryEntry,
  beijingDay,
  filterTrail,
  ISO_TIME,
  RAW_KEY,
  readable,
  sentences,
  UUID,
} from './support/audit.ts';
import { PHONE_VIEWPORT } from './support/browser.ts';
import { demoJourney } from './support/demo-journey.ts';

/**
 * The audit trail as a neighbourhood admin reads it: each entry a sentence naming the person, what they did and to
 * what (in the plugin's own words for a plugin's action), the time in Beijing; filters by person, action and day; the
 * raw record one tap away and nowhere else — no `plugin.key`, no id, no ISO time outside it.
 */
const journey = demoJourney();
const ADMIN = '13900000011';
const DESKTOP = { width: 1280, height: 800 };
const slug = 'jinse-jiayuan';
const ENTRY = '物业夜间值班';

async function admin(viewport: { width: number; height: number }): Promise<Page> {
  const page = await journey.visitor.newPage(viewport);
  await journey.visitor.signIn(page, ADMIN, 'demo1234');
  return page;
}

describe('the audit trail', () => {
  it('reads as sentences on a phone, filters by action, person and day, and opens the raw record', async () => {
    const page = await admin(PHONE_VIEWPORT);
    // A plugin's action to read back: 陈建国 adds a number to 便民电话簿.
    await addDirectoryEntry(page, journey.product.url, slug, ENTRY);

    await page.goto(`${journey.product.url}/n/${slug}/audit`);
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    expect(await sentences(page)).toContain(`陈建国 在 便民电话簿 添加了条目「${ENTRY}」`);
    const first = page.locator('ol.entries > li').first();
    await expect.poll(() => first.locator('time').innerText()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 北京时间$/);
    const words = await readable(page);
    expect(words).not.toMatch(RAW_KEY);
    expect(words).not.toMatch(UUID);
    expect(words).not.toMatch(ISO_TIME);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);

    // The raw record, one tap away.
    await first.getByText('原始记录').click();
    await expect.poll(() => first.locator('pre.raw').isVisible()).toBe(true);
    expect(await first.locator('pre.raw').innerText()).toContain('"action": "contacts.entry_added"');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await page.screenshot({ path: 'tests/.artifacts/e2e-audit-trail-phone-list.png', fullPage: true });

    // By action: only additions to the directory.
    await filterTrail(page, { action: 'contacts.entry_added' });
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('contacts.entry_added');
    const added = await sentences(page);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((s) => s.includes('在 便民电话簿 添加了条目'))).toBe(true);

    // By person: everything 陈建国 did, and nobody else's.
    await page.goto(`${journey.product.url}/n/${slug}/audit`);
    await filterTrail(page, { actor: '陈建国' });
    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toMatch(UUID);
    const his = await sentences(page);
    expect(his.length).toBeGreaterThan(1);
    expect(his.every((s) => s.startsWith('陈建国'))).toBe(true);

    // By day: today holds the new entry, tomorrow nothing yet.
    await filterTrail(page, { from: beijingDay(), to: beijingDay() });
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(beijingDay());
    expect(await sentences(page)).toContain(`陈建国 在 便民电话簿 添加了条目「${ENTRY}」`);
    await filterTrail(page, { from: beijingDay(1), to: beijingDay(1) });
    await page.getByText('没有符合筛选条件的记录。').waitFor();
    await page.screenshot({ path: 'tests/.artifacts/e2e-audit-trail-phone.png', fullPage: true });
    await page.context().close();
  });

  it('reads the same on a desktop, in English with the plugin’s English words', async () => {
    const page = await admin(DESKTOP);
    const switched = await page.request.post(`${journey.product.url}/locale`, {
      form: { locale: 'en', back: '/home' },
      headers: { origin: journey.product.url },
    });
    expect(switched.ok()).toBe(true);
    await page.goto(`${journey.product.url}/n/${slug}/audit?action=contacts.*`);
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    expect(await sentences(page)).toContain(`陈建国 added the entry “${ENTRY}” to Useful numbers`);
    await expect.poll(() => page.locator('ol.entries > li time').first().innerText()).toMatch(/Beijing time$/);
    const words = await readable(page);
    expect(words).not.toMatch(RAW_KEY);
    expect(words).not.toMatch(UUID);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
    await page.screenshot({ path: 'tests/.artifacts/e2e-audit-trail-desktop.png', fullPage: true });
    await page.context().close();
  });
});
