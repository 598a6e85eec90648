/**
 * Lighthouse 12.2.3 (mobile: its default phone emulation, simulated slow 4G and 4× CPU slowdown) on the pages a
 * resident meets first, against the built product on the embedded database with the demo data, in Debian's Chromium
 * (`CHROMIUM_PATH`, default /usr/bin/chromium). Each page runs LIGHTHOUSE_RUNS times (default 3); the table shows the
 * median of each figure and marks a page whose performance or accessibility is below 95. Below it, from each page's
 * median run: the largest scripts, what blocks rendering and the accessibility audits that fail, with the elements.
 *
 * Alone: `npm run bench -- lighthouse` (it builds the portal first). `LIGHTHOUSE_PAGES=catalogue,meeting` measures
 * only the pages whose names contain one of those words. `LIGHTHOUSE_REPORTS=<dir>` keeps every run's full report
 * (JSON) there. Simulated throttling scales what this machine measures, so a machine busy with other
 * work scores lower (total blocking time above all): compare runs made on a quiet machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/demo/accounts.ts';
import { startProduct, type Product } from '../e2e/support/server.ts';
import { quantile } from './harness.ts';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const TARGET = 95;
const TENANT = 'jinse-jiayuan';
// The flags of the browser tests (tests/e2e/support/browser.ts): no background connections on this closed network.
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Page {
  name: string;
  path: string;
  /** Measured signed in as the demo's verified owner. */
  signedIn: boolean;
}

/** The demo's running meeting, as the resident's API lists it. */
async function openMeetingId(product: Product, token: string): Promise<string> {
  const res = await fetch(`${product.url}/api/v1/t/${TENANT}/p/voting/meetings`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { items } = (await res.json()) as { items: { id: string; phase: string }[] };
  const meeting = items.find((m) => m.phase === 'open');
  if (!meeting) throw new Error('the demo has no running meeting');
  return meeting.id;
}

async function signIn(product: Product): Promise<string> {
  const res = await fetch(`${product.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: product.url },
    body: JSON.stringify({ phone: DEMO_ACCOUNTS.residentA.phone, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`demo sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

const audit = (lhr: Result, id: string) => lhr.audits[id];
const numeric = (lhr: Result, id: string) => audit(lhr, id)?.numericValue ?? NaN;
const score = (lhr: Result, category: string) => Math.round(100 * (lhr.categories[category]?.score ?? 0));

interface TableItem {
  url?: string;
  transferSize?: number;
  resourceType?: string;
  wastedMs?: number;
  node?: { selector?: string; snippet?: string };
}
const items = (lhr: Result, id: string) =>
  ((audit(lhr, id)?.details as { items?: TableItem[] } | undefined)?.items ?? []) as TableItem[];

const scriptBytes = (lhr: Result) =>
  items(lhr, 'resource-summary').find((i) => i.resourceType === 'script')?.transferSize ?? 0;

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const path = (url = '') => url.replace(/^https?:\/\/[^/]+/, '');

/** What the page costs and fails, from one run's report. */
function findings(lhr: Result): string[] {
  const lines: string[] = [];
  const scripts = items(lhr, 'network-requests')
    .filter((i) => i.resourceType === 'Script')
    .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
    .slice(0, 3);
  lines.push(`largest scripts: ${scripts.map((s) => `${path(s.url)} ${kb(s.transferSize ?? 0)}`).join(', ')}`);
  const blocking = items(lhr, 'render-blocking-resources');
  if (blocking.length) {
    lines.push(
      `render-blocking: ${blocking.map((b) => `${path(b.url)} (${Math.round(b.wastedMs ?? 0)} ms)`).join(', ')}`,
    );
  }
  const shifts = items(lhr, 'layout-shifts');
  if (shifts.length) lines.push(`layout shifts: ${shifts.map((i) => i.node?.selector).join('; ')}`);
  for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
    const failed = lhr.audits[ref.id];
    if (ref.weight === 0 || failed?.score === null || failed?.score === undefined || failed.score >= 1) continue;
    const nodes = items(lhr, ref.id)
      .map((i) => i.node?.selector)
      .filter(Boolean);
    lines.push(`accessibility ${ref.id}: ${failed.title} — ${nodes.slice(0, 5).join('; ') || 'no element named'}`);
  }
  // Some audits read trace events that newer Chromium builds than Lighthouse 12.2.3 knows no longer write.
  const errored = Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === 'error')
    .map((a) => a.id);
  if (errored.length) lines.push(`not measured here: ${errored.join(', ')}`);
  return lines;
}

async function measurePage(url: string, port: number, token: string | null): Promise<Result> {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance', 'accessibility'],
    // The demo is in Chinese; the session cookie as the portal sets it at sign-in.
    extraHeaders: {
      'Accept-Language': 'zh-CN,zh;q=0.9',
      ...(token ? { Cookie: `cl_session=${token}` } : {}),
    },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result.lhr;
}

export async function run() {
  const build = spawnSync('npm', ['run', 'build', '-w', '@city/portal'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('portal build failed');
  const product = await startProduct();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const token = await signIn(product);
    const pages: Page[] = [
      { name: 'landing', path: '/', signedIn: false },
      { name: 'sign-in', path: '/sign-in', signedIn: false },
      { name: 'neighbourhood (resident)', path: `/n/${TENANT}`, signedIn: true },
      {
        name: 'meeting (voting)',
        path: `/n/${TENANT}/p/voting/meetings/${await openMeetingId(product, token)}`,
        signedIn: true,
      },
      { name: 'services catalogue', path: `/n/${TENANT}/p/services`, signedIn: true },
      { name: '公示 board (public)', path: `/p/${TENANT}`, signedIn: false },
    ];
    const only = process.env.LIGHTHOUSE_PAGES?.split(',').map((name) => name.trim());
    const measured = only ? pages.filter((page) => only.some((name) => page.name.includes(name))) : pages;
    const reports = process.env.LIGHTHOUSE_REPORTS;
    if (reports) mkdirSync(reports, { recursive: true });
    const rows = [];
    const notes: string[] = [];
    let version = '';
    for (const page of measured) {
      const runs: Result[] = [];
      let failures = 0;
      while (runs.length < RUNS) {
        const lhr = await measurePage(product.url + page.path, chrome.port, page.signedIn ? token : null);
        // A trace Chromium recorded badly (NO_NAVSTART, NO_FCP) says nothing of the page: that run is made again.
        if (lhr.runtimeError) {
          if (++failures > RUNS) throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          console.warn(`${page.path}: ${lhr.runtimeError.code}, run again`);
          continue;
        }
        if (!lhr.finalDisplayedUrl.endsWith(page.path)) {
          throw new Error(`${page.path} ended at ${lhr.finalDisplayedUrl} (signed out?)`);
        }
        runs.push(lhr);
        if (reports) {
          writeFileSync(join(reports, `${page.name.replace(/\W+/g, '-')}-${runs.length}.json`), JSON.stringify(lhr));
        }
        version = lhr.lighthouseVersion;
      }
      const performance = median(runs.map((r) => score(r, 'performance')));
      const accessibility = median(runs.map((r) => score(r, 'accessibility')));
      const below = performance < TARGET || accessibility < TARGET;
      rows.push({
        page: page.name,
        performance: `${performance}${performance < TARGET ? ' ✗' : ''}`,
        accessibility: `${accessibility}${accessibility < TARGET ? ' ✗' : ''}`,
        'FCP ms': Math.round(median(runs.map((r) => numeric(r, 'first-contentful-paint')))),
        'LCP ms': Math.round(median(runs.map((r) => numeric(r, 'largest-contentful-paint')))),
        'TBT ms': Math.round(median(runs.map((r) => numeric(r, 'total-blocking-time')))),
        CLS: median(runs.map((r) => numeric(r, 'cumulative-layout-shift'))).toFixed(3),
        'JS transferred': kb(median(runs.map(scriptBytes))),
        'scores (runs)': runs.map((r) => `${score(r, 'performance')}/${score(r, 'accessibility')}`).join(' '),
      });
      // The run whose performance score is the median one speaks for the page.
      const typical = [...runs].sort((a, b) => score(a, 'performance') - score(b, 'performance'))[
        Math.floor((runs.length - 1) / 2)
      ]!;
      notes.push(`\n${page.name} (${page.path})${below ? ` — below ${TARGET}` : ''}`);
      notes.push(...findings(typical).map((line) => `  ${line}`));
    }
    console.log(`\nLighthouse ${version} mobile, median of ${RUNS} runs per page (✗: below ${TARGET})`);
    console.table(rows);
    console.log(notes.join('\n'));
  } finally {
    chrome.kill();
    await product.stop();
  }
}
