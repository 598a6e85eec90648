import type { BrowserContext } from 'playwright-core';

/** Every Content-Security-Policy violation a watched context saw, oldest first, until taken. */
const violations: string[] = [];

declare global {
  interface Window {
    __cspViolation?: (report: string) => Promise<void>;
  }
}

/**
 * Records every Content-Security-Policy violation in the context's pages: the `securitypolicyviolation` events of
 * each document (an init script listens before any of the page's own code runs), and what Chromium logs about CSP,
 * which also covers pages with JavaScript turned off. Playwright's init scripts and bindings are outside the page's
 * CSP, so the listener itself never trips it.
 */
export async function watchCsp(context: BrowserContext) {
  await context.exposeBinding('__cspViolation', ({ page }, report: string) => {
    violations.push(`${report} — on ${page?.url() ?? 'a closed page'}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        void window.__cspViolation?.(
          `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        ),
      true,
    );
  });
  context.on('console', (message) => {
    if (/content security policy/i.test(message.text()))
      violations.push(`console: ${message.text()} — on ${message.page()?.url() ?? 'a closed page'}`);
  });
}

/** The violations seen since the last call. */
export const takeCspViolations = () => violations.splice(0);
