import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pageBundles, PORTAL_OUTPUT, type PageBundle } from '../support/portal-bundle.ts';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * The JavaScript a browser downloads for each page of the portal (raw and gzip), its largest chunk, and the page's
 * weight as a multiple of the landing page (the framework and the shared layout alone, measured in the same build).
 * Builds the portal first unless a build exists. `BUNDLE_BEFORE=<a .svelte-kit/output of another build>` adds that
 * build's figures beside them.
 */
export async function run() {
  if (!existsSync(join(PORTAL_OUTPUT, 'client/.vite/manifest.json'))) {
    const build = spawnSync('npm', ['run', 'build', '-w', '@city/portal'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('portal build failed');
  }
  const pages = pageBundles();
  const before = process.env.BUNDLE_BEFORE
    ? new Map(pageBundles(process.env.BUNDLE_BEFORE).map((p) => [p.page, p]))
    : null;
  const landing = pages.find((p) => p.page === '/(public)')!;
  const column = (page: PageBundle | undefined) =>
    page ? `${kb(page.bytes)} KB (${kb(page.gzip)} gz), largest ${kb(page.largest.bytes)}` : '—';
  console.log('\n| page | JS now | × landing | before |');
  console.log('| --- | --- | --- | --- |');
  for (const page of pages) {
    const row = [
      page.page,
      column(page),
      (page.bytes / landing.bytes).toFixed(2),
      before ? column(before.get(page.page)) : '',
    ];
    console.log(`| ${row.join(' | ')} |`);
  }
  const heaviest = pages.reduce((a, b) => (b.largest.bytes > a.largest.bytes ? b : a));
  console.log(
    `\nlargest chunk on any page: ${kb(heaviest.largest.bytes)} KB (${heaviest.largest.file}, ${heaviest.page})`,
  );
}
