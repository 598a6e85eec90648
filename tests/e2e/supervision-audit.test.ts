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
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/demo/accounts.ts';

/**
 * The audit trail of a neighbourhood as the 街道 officer supervising it reads it: from the neighbourhood's page, the
 * same sentences as its admins read (a plugin's action in the plugin's own words), the same filters, read-only.
 */
const journey = demoJourney();
const DESKTOP = { width: 1280, height: 800 };
const slug = 'jinse-jiayuan';
const ENTRY = '消防控制室';
const ADDED = `陈建国 在 便民电话簿 添加了条目「${ENTRY}」`;

async function officer(viewport: { width: number; height: number }) {
  const page = await journey.visitor.newPage(viewport);
  await journey.visitor.signIn(page, DEMO_ACCOUNTS.streetStaff.phone, DEMO_PASSWORD);
  return page;
}

const overflow = (page: Awaited<ReturnType<typeof officer>>) =>
  page.evaluate(() => document.documentElement.scrollWidth);

describe('a supervised neighbourhood’s audit trail', () => {
  it('reads as sentences on the street officer’s phone, and filters by action, person and day', async () => {
    const admin = await journey.visitor.newPage();
    await journey.visitor.signIn(admin, DEMO_ACCOUNTS.adminA.phone, DEMO_PASSWORD);
    await addDirectoryEntry(admin, journey.product.url, slug, ENTRY);
    await admin.context().close();

    const page = await officer(PHONE_VIEWPORT);
    await page.goto(`${journey.product.url}/supervision/neighbourhoods/${slug}`);
    await page.getByRole('link', { name: /查看审计日志/ }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/supervision/neighbourhoods/${slug}/audit`);
    await page.getByText(/^哈希链完整/).waitFor();
    expect(await sentences(page)).toContain(ADDED);
    const words = await readable(page);
    expect(words).not.toMatch(RAW_KEY);
    expect(words).not.toMatch(UUID);
    expect(words).not.toMatch(ISO_TIME);
    expect(await overflow(page)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    // Nothing to change here: the trail is read, not kept.
    expect(await page.getByRole('main').locator('form[method="post"], form[method="POST"]').count()).toBe(0);

    const first = page.locator('ol.entries > li').first();
    await first.getByText('原始记录').click();
    await expect.poll(() => first.locator('pre.raw').isVisible()).toBe(true);
    expect(await first.locator('pre.raw').innerText()).toContain('"action": "contacts.entry_added"');
    expect(await overflow(page)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await page.screenshot({ path: 'tests/.artifacts/e2e-supervision-audit-phone-list.png', fullPage: true });

    // By action: the directory's additions only.
    await filterTrail(page, { action: 'contacts.entry_added' });
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('contacts.entry_added');
    const added = await sentences(page);
    expect(added).toContain(ADDED);
    expect(added.every((s) => s.includes('在 便民电话簿 添加了条目'))).toBe(true);

    // By person and day: what 陈建国 did today, then tomorrow's nothing.
    await page.goto(`${journey.product.url}/supervision/neighbourhoods/${slug}/audit`);
    await filterTrail(page, { actor: '陈建国', from: beijingDay(), to: beijingDay() });
    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toMatch(UUID);
    const his = await sentences(page);
    expect(his).toContain(ADDED);
    expect(his.every((s) => s.startsWith('陈建国'))).toBe(true);
    await filterTrail(page, { from: beijingDay(1), to: beijingDay(1) });
    await page.getByText('没有符合筛选条件的记录。').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await page.screenshot({ path: 'tests/.artifacts/e2e-supervision-audit-phone.png', fullPage: true });
    await page.context().close();
  });

  it('reads the same on a desktop, in English with the plugin’s English words', async () => {
    const page = await officer(DESKTOP);
    const switched = await page.request.post(`${journey.product.url}/locale`, {
      form: { locale: 'en', back: '/home' },
      headers: { origin: journey.product.url },
    });
    expect(switched.ok()).toBe(true);
    await page.goto(`${journey.product.url}/supervision/neighbourhoods/${slug}/audit?action=contacts.*`);
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    expect(await sentences(page)).toContain(`陈建国 added the entry “${ENTRY}” to Useful numbers`);
    const words = await readable(page);
    expect(words).not.toMatch(RAW_KEY);
    expect(words).not.toMatch(UUID);
    expect(await overflow(page)).toBeLessThanOrEqual(DESKTOP.width);
    await page.screenshot({ path: 'tests/.artifacts/e2e-supervision-audit-desktop.png', fullPage: true });
    await page.context().close();
  });
});
