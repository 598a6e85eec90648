import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startProduct, type Product } from './server.ts';
import { visitor, type Visitor } from './visitor.ts';

/**
 * A journey through the seeded demo district, called once at a test file's top level: its hooks start the product (on
 * a database of the file's own) and Chromium before the file's tests and close both after them. A product that stopped
 * on the way is reported with what it printed: the test that failed on its silent page cannot say why. The product
 * and the visitor exist only once the hooks have run, so they are read inside tests (a getter that says so when not).
 */
export function demoJourney() {
  let product: Product | undefined;
  let browser: Browser | undefined;
  let v: Visitor | undefined;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    v = visitor(product, browser);
  });
  afterAll(async () => {
    if (product?.exited()) console.error(`the product stopped during the test:\n${product.output()}`);
    await browser?.close();
    await product?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started: read it inside a test, not at load');
    return value;
  };
  /** A phone page signed in as one of the demo's people (they all have the demo's password). */
  async function as(phone: string): Promise<Page> {
    const page = await started(v).newPage();
    await started(v).signIn(page, phone, 'demo1234');
    return page;
  }
  return {
    get product(): Product {
      return started(product);
    },
    get visitor(): Visitor {
      return started(v);
    },
    as,
  };
}

/** A card of the page, by its heading. */
export const card = (page: Page, heading: string): Locator =>
  page.locator('section.card').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

/**
 * A PDF as a scanner would make one (the API checks the bytes, not the name), padded with spaces to `size` bytes more
 * when a test needs a large one.
 */
export const pdf = (text: string, size = 0) =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n% ${text}\n`), Buffer.alloc(size, 0x20), Buffer.from('%%EOF\n')]);
