import { chromium, type Browser } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { takeCspViolations, watchCsp } from './csp.ts';

/**
 * Debian's Chromium, headless, with the flags this closed network needs (no background connections). Every context
 * it opens (and so every page) is watched for Content-Security-Policy violations, and any test of a file that
 * launches it fails when one happened during the test: the portal's CSP is on in every journey.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  return browser;
}

// Registered when a test file imports this module, so it runs after each of that file's tests.
afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations during this test').toEqual([]);
});

export const PHONE_VIEWPORT = { width: 390, height: 844 };
