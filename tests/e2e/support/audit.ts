import type { Page } from 'playwright-core';

/** What an audit trail's words must never show: an action's key, an id, an ISO time (only the raw record does). */
export const RAW_KEY = /\b[a-z][a-z0-9_-]*\.[a-z][a-z0-9_]*\b/;
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
export const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:/;

/** The page's words as a reader sees them, without the raw records folded in each entry. */
export const readable = (page: Page) =>
  page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('pre.raw').forEach((pre) => pre.remove());
    return copy.textContent ?? '';
  });

/** The entries of the trail shown, as sentences. */
export const sentences = (page: Page) => page.locator('ol.entries > li .sentence').allInnerTexts();

/** A day in Beijing as a date field takes it, `offsetDays` from today. */
export const beijingDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

/** A plugin's action to read back: the signed-in admin adds a number to 便民电话簿 of the neighbourhood. */
export async function addDirectoryEntry(page: Page, origin: string, slug: string, name: string) {
  await page.goto(`${origin}/n/${slug}/p/contacts/manage`);
  const add = page.locator('form').filter({ has: page.locator('input[name="_action"][value="add"]') });
  await add.getByLabel('名称').fill(name);
  await add.getByLabel('电话').fill('02155550123');
  await add.getByRole('button', { name: '添加电话' }).click();
  await page.getByText(`已添加“${name}”。`).waitFor();
}

/** Narrows the trail shown through its filter form (in Chinese), unfolding it first when folded. */
export async function filterTrail(page: Page, fields: { action?: string; actor?: string; from?: string; to?: string }) {
  const form = page.getByRole('main').getByRole('search');
  if (!(await form.isVisible())) await page.getByText('筛选', { exact: true }).first().click();
  if (fields.action) await page.getByLabel('操作', { exact: true }).selectOption(fields.action);
  if (fields.actor) await page.getByLabel('操作人').selectOption({ label: fields.actor });
  if (fields.from) await page.getByLabel('起始日期').fill(fields.from);
  if (fields.to) await page.getByLabel('截止日期').fill(fields.to);
  await page.getByRole('button', { name: '筛选' }).click();
}
