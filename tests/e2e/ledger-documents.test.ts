import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, demoJourney, pdf } from './support/demo-journey.ts';

/**
 * 公共收益's documents, in real Chromium against the product as `npm start` runs it, on phones: the treasurer 陈建国
 * attaches a receipt (a PDF) to an entry, where it is listed and downloads, and uploads the year's third-party audit
 * report, which goes to 公示 → 孙丽, a resident, finds it on the ledger's page, downloads it and opens its 公示.
 */
const journey = demoJourney();
const { as } = journey;
const shots = 'tests/.artifacts';
const ledger = () => `${journey.product.url}/n/jinse-jiayuan/ledger`;
const receipt = `停车费收据${Math.random().toString(36).slice(2, 6)}`;
const report = `璧山会计师事务所 公共收益审计报告${Math.random().toString(36).slice(2, 6)}`;
/** The year the audit covers: the form offers last year (in China). */
const year = String(
  Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1,
);

/** What a link downloads, fetched with the page's own session. */
async function download(page: Page, link: Locator) {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the link has no address');
  const res = await page.request.get(new URL(href, page.url()).toString());
  return { status: res.status(), type: res.headers()['content-type'], body: (await res.body()).toString('latin1') };
}

describe('evidence and third-party audit reports, uploaded by the treasurer and read by the residents', () => {
  it('陈建国 attaches a receipt to an entry (a file that is not a PDF or an image is refused); it is listed and downloads', async () => {
    const page = await as('13900000011');
    await page.goto(`${ledger()}/entries`);
    await page.locator('a[href*="/ledger/entries/"]').first().click();
    await page.waitForURL(/\/ledger\/entries\/[0-9a-f-]{36}$/);
    const documents = card(page, '附件');

    await documents.getByLabel('文件').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a receipt'),
    });
    await documents.getByRole('button', { name: '上传', exact: true }).click();
    await expect.poll(() => documents.getByText('只能上传 PDF 文件或 JPEG、PNG、WebP 图片').count()).toBe(1);

    await documents.getByLabel('文件').setInputFiles({
      name: 'scan-0001.pdf',
      mimeType: 'application/pdf',
      // Past the 512 KB a Node server takes by default: a scanned receipt is larger than that.
      buffer: pdf('parking receipt', 1_500_000),
    });
    await documents.getByLabel('名称（可不填）').fill(receipt);
    await documents.getByRole('button', { name: '上传', exact: true }).click();
    await expect.poll(() => documents.getByText('附件已上传。').count()).toBe(1);
    const link = documents.getByRole('link', { name: receipt, exact: true });
    await expect.poll(() => link.count()).toBe(1);
    await page.screenshot({ path: `${shots}/e2e-ledger-evidence-phone.png`, fullPage: true });

    const file = await download(page, link);
    expect(file).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(file.body).toContain('parking receipt');
    await page.context().close();
  });

  it('陈建国 uploads the year’s audit report from the treasurers’ desk; it is published to 公示', async () => {
    const page = await as('13900000011');
    await page.goto(`${ledger()}/keep`);
    await card(page, '第三方审计报告').getByRole('link', { name: '上传审计报告' }).click();
    await page.waitForURL(/\/ledger\/keep\/audit-reports$/);
    const upload = card(page, '上传审计报告');
    expect(await upload.getByLabel('审计期间').inputValue()).toBe(year);
    await upload.getByLabel('报告名称（可不填）').fill(report);
    await upload.getByLabel('文件').setInputFiles({
      name: 'audit.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('audit report'),
    });
    await upload.getByRole('button', { name: '上传并公示' }).click();
    await expect.poll(() => upload.getByText('审计报告已上传并公示。').count()).toBe(1);
    expect(await upload.getByRole('link', { name: /查看公示/ }).count()).toBe(1);
    await expect.poll(() => card(page, '第三方审计报告').getByRole('link', { name: report }).count()).toBe(1);
    await page.context().close();
  });

  it('孙丽 finds the report on the ledger’s page, downloads it and opens its 公示; she has no upload forms', async () => {
    const page = await as('13900000014');
    await page.goto(ledger());
    const reports = card(page, '第三方审计报告');
    await expect.poll(() => reports.getByText(`${year}年度`, { exact: true }).count()).toBe(1);
    const link = reports.getByRole('link', { name: report, exact: true });
    const file = await download(page, link);
    expect(file).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(file.body).toContain('audit report');
    expect(await reports.getByRole('link', { name: '上传审计报告' }).count()).toBe(0);
    await page.screenshot({ path: `${shots}/e2e-ledger-audit-reports-phone.png`, fullPage: true });

    await reports.getByRole('link', { name: /查看公示/ }).click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(`公共收益审计报告公示（${year}年度）`).count()).toBeGreaterThan(0);

    // The receipt is there for her too, without the form that adds one.
    await page.goto(`${ledger()}/entries`);
    await page.locator('a[href*="/ledger/entries/"]').first().click();
    await page.waitForURL(/\/ledger\/entries\/[0-9a-f-]{36}$/);
    await expect.poll(() => card(page, '附件').getByRole('link', { name: receipt }).count()).toBe(1);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await page.context().close();
  });
});
