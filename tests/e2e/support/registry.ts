import type { Page } from 'playwright-core';

/**
 * An admin records `owner` as the one owner of a unit (`room` as its link reads, `1单元 101`), on its page: a name and a
 * phone without an ID number, as owners entered from a purchase contract are — two such records look like one person.
 */
export async function recordOwner(
  page: Page,
  origin: string,
  at: { building: string; room: string },
  owner: { name: string; phone: string },
) {
  await page.goto(`${origin}/n/jinse-jiayuan/registry`);
  await page.getByRole('link', { name: new RegExp(`^${at.building}`) }).click();
  await page.getByRole('link', { name: at.room }).click();
  await page.getByRole('heading', { name: `${at.building} ${at.room}` }).waitFor();
  for (const other of await page.locator('input[id^="name"]').all()) await other.fill('');
  await page.locator('#name0').fill(owner.name);
  await page.locator('#phone0').fill(owner.phone);
  await page.locator('#idNumber0').fill('');
  await page.locator('input[name="voter"][value="0"]').check();
  await page.getByLabel('变更原因').fill('按购房合同录入（测试）');
  await page.getByRole('button', { name: '变更业主' }).click();
  // Also used before a file's tests (where expect.poll cannot run): the page's own word that it is done.
  await page.getByText('业主已更新。').waitFor();
}
