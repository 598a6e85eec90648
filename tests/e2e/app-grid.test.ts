import { describe, expect, it } from 'vitest';
import { demoJourney } from './support/demo-journey.ts';

/**
 * The neighbourhood's apps as a resident sees them on a phone: one tile per app, each with its own drawn icon (SVG,
 * the same on every phone; emoji were empty boxes where a phone lacked the font), the core's apps first.
 */
const journey = demoJourney();
const EMOJI = /\p{Extended_Pictographic}/u;

describe('the app grid', () => {
  it('shows 孙丽 every app of 金色家园 with its own icon and no emoji', async () => {
    const page = await journey.as('13900000014');
    await page.goto(`${journey.product.url}/n/jinse-jiayuan`);
    const tiles = page.getByRole('region', { name: '应用' }).getByRole('link');
    await expect.poll(() => tiles.count()).toBeGreaterThan(6);
    const labels = await tiles.allInnerTexts();
    expect(labels.map((l) => l.trim()).slice(0, 4)).toEqual(['我的房屋', '码上提', '公共收益', '业主委员会']);
    expect(labels).toEqual(expect.arrayContaining(['议事与表决', '业主大会', '生活服务', '便民电话']));
    const drawings = await tiles.evaluateAll((links) => links.map((a) => a.querySelector('svg')?.innerHTML ?? ''));
    expect(drawings.every((svg) => svg.length > 0)).toBe(true);
    // 议事与表决 and 业主大会 are two apps of one plugin: two different drawings.
    const drawing = (label: string) => drawings[labels.findIndex((l) => l.trim() === label)];
    expect(drawing('议事与表决')).not.toBe(drawing('业主大会'));
    expect(await page.locator('header, .apps').allInnerTexts()).not.toEqual(
      expect.arrayContaining([expect.stringMatching(EMOJI)]),
    );
    await page.screenshot({ path: 'tests/.artifacts/e2e-app-grid-phone.png', fullPage: true });
    await page.context().close();
  });
});
