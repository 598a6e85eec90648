import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, demoJourney, pdf } from './support/demo-journey.ts';

/**
 * 业主委员会, in real Chromium against the product as `npm start` runs it, on phones: the admin 陈建国 records 周建华's
 * 交叉任职 (第一党小组组长) and uploads the term's 备案回执 (a PDF) → 孙丽, a verified owner, sees both members'
 * 交叉任职 and downloads the paper from the committee's page → 陈建国 clears 周建华's post again.
 */
const journey = demoJourney();
const { as } = journey;
const shots = 'tests/.artifacts';
const committee = () => `${journey.product.url}/n/jinse-jiayuan/committee`;
const post = '第一党小组组长';
const paper = `备案回执${Math.random().toString(36).slice(2, 6)}`;

/** A sitting member's own 交叉任职 form on the manage page, by the name its legend starts with. */
const crossForm = (page: Page, name: string): Locator =>
  card(page, '交叉任职')
    .locator('li')
    .filter({ has: page.locator('legend strong', { hasText: name }) });

/** The 备案材料 part of the filing card: its papers and the form that adds one. */
const papers = (page: Page): Locator => card(page, '记录备案').getByRole('region', { name: '备案材料' });

describe('the owners’ committee: 交叉任职 and the filing’s papers, kept by the admin and seen by the owners', () => {
  it('陈建国 records 周建华’s 交叉任职 (a post of spaces is refused at his form); the page shows it', async () => {
    const page = await as('13900000011');
    await page.goto(`${committee()}/manage`);
    const chair = crossForm(page, '赵志强');
    const member = crossForm(page, '周建华');
    await expect.poll(() => member.count()).toBe(1);
    expect(await chair.getByText('交叉任职：小区党支部书记', { exact: true }).count()).toBe(1);

    // Spaces pass the browser's `required`: refused in words about the post, at his form only.
    await member.getByLabel('党组织职务').fill('   ');
    await member.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => member.getByText('请填写党组织职务').count()).toBeGreaterThan(0);
    expect(await chair.getByText('请填写党组织职务').count()).toBe(0);

    await member.getByLabel('党组织职务').fill(post);
    await member.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => member.getByText('交叉任职已记录。', { exact: true }).count()).toBe(1);
    await expect.poll(() => member.getByText(`交叉任职：${post}`, { exact: true }).count()).toBe(1);
    expect(await member.getByLabel('党组织职务').inputValue()).toBe(post);
    // The chair's record is untouched, and the confirmation is at 周建华's form only.
    expect(await chair.getByText('交叉任职：小区党支部书记', { exact: true }).count()).toBe(1);
    expect(await chair.getByText('交叉任职已记录。').count()).toBe(0);
    await card(page, '交叉任职').screenshot({ path: `${shots}/e2e-committee-cross-appointments-phone.png` });
    await page.context().close();
  });

  it('陈建国 uploads the 备案回执 as a PDF (a text file is refused); it is listed under 备案材料', async () => {
    const page = await as('13900000011');
    await page.goto(`${committee()}/manage`);
    const filing = papers(page);
    await expect.poll(() => filing.count()).toBe(1);

    await filing.getByLabel('文件').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a receipt'),
    });
    await filing.getByLabel('名称（可不填）').fill(paper);
    await filing.getByRole('button', { name: '上传备案材料' }).click();
    await expect.poll(() => filing.getByText('只能上传 PDF 文件或 JPEG、PNG、WebP 图片').count()).toBeGreaterThan(0);
    expect(await filing.getByRole('link', { name: paper }).count()).toBe(0);

    await filing.getByLabel('文件').setInputFiles({
      name: 'scan-0001.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('filing receipt'),
    });
    await filing.getByLabel('名称（可不填）').fill(paper);
    await filing.getByRole('button', { name: '上传备案材料' }).click();
    await expect.poll(() => filing.getByText('备案材料已上传。', { exact: true }).count()).toBe(1);
    const link = filing.getByRole('link', { name: paper, exact: true });
    await expect.poll(() => link.count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-committee-manage-phone.png`, fullPage: true });
    await page.context().close();
  });

  it('孙丽, a verified owner, sees both members’ 交叉任职 and downloads the 备案回执 from the committee’s page', async () => {
    const page = await as('13900000014');
    await page.goto(committee());
    const seated = card(page, '在任委员').getByRole('region', { name: '业主委员会' });
    const person = (name: string) => seated.locator('li').filter({ has: page.getByText(name, { exact: true }) });
    await expect.poll(() => person('周建华').count()).toBe(1);
    expect(await person('赵志强').getByText('交叉任职：小区党支部书记', { exact: true }).count()).toBe(1);
    expect(await person('周建华').getByText(`交叉任职：${post}`, { exact: true }).count()).toBe(1);
    // She does not manage the committee.
    expect(await page.getByRole('link', { name: '管理筹备组与任期' }).count()).toBe(0);

    const term = card(page, '本届业主委员会');
    const link = term.getByRole('link', { name: paper, exact: true });
    await expect.poll(() => link.count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-committee-resident-phone.png`, fullPage: true });

    // Following the link downloads the PDF (an attachment: never rendered inside the portal's origin).
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/n\/jinse-jiayuan\/ledger\/documents\/[0-9a-f-]{36}$/);
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === href),
      page.waitForEvent('download'),
      link.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const body = await readFile(await download.path());
    expect(body.toString('latin1')).toMatch(/^%PDF-1\.7\n/);
    expect(body.toString('latin1')).toContain('filing receipt');
    // The page stays where it was.
    expect(new URL(page.url()).pathname).toBe('/n/jinse-jiayuan/committee');
    await page.context().close();
  });

  it('陈建国 clears 周建华’s 交叉任职 again; the owners no longer see it', async () => {
    const page = await as('13900000011');
    await page.goto(`${committee()}/manage`);
    const member = crossForm(page, '周建华');
    await expect.poll(() => member.getByText(`交叉任职：${post}`, { exact: true }).count()).toBe(1);
    await member.getByRole('button', { name: '清除记录' }).click();
    await expect.poll(() => member.getByText('交叉任职记录已清除。', { exact: true }).count()).toBe(1);
    await expect.poll(() => member.getByText('未记录', { exact: true }).count()).toBe(1);
    expect(await member.getByText(`交叉任职：${post}`).count()).toBe(0);
    expect(await member.getByRole('button', { name: '清除记录' }).count()).toBe(0);
    // The chair's record stays.
    expect(await crossForm(page, '赵志强').getByText('交叉任职：小区党支部书记', { exact: true }).count()).toBe(1);
    await page.context().close();

    const resident = await as('13900000014');
    await resident.goto(committee());
    const seated = card(resident, '在任委员').getByRole('region', { name: '业主委员会' });
    await expect.poll(() => seated.getByText('周建华', { exact: true }).count()).toBe(1);
    expect(await seated.getByText(`交叉任职：${post}`).count()).toBe(0);
    expect(await seated.getByText('交叉任职：小区党支部书记', { exact: true }).count()).toBe(1);
    await resident.context().close();
  });
});
