import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PHONE_VIEWPORT } from './browser.ts';
import type { Product } from './server.ts';

/** What every browser journey does first: open a page (a phone by default), sign up with an SMS code, sign in. */
export function visitor(product: Product, browser: Browser) {
  return {
    async newPage(viewport = PHONE_VIEWPORT): Promise<Page> {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      return context.newPage();
    },
    async signUp(page: Page, phone: string, name: string) {
      await page.goto(`${product.url}/sign-up`);
      await page.getByLabel('手机号').fill(phone);
      await page.getByRole('button', { name: '发送验证码' }).click();
      await expect.poll(() => page.getByText('验证码已发送').count()).toBe(1);
      await page.getByLabel('短信验证码').fill(await product.smsCode(phone));
      await page.getByLabel('姓名或昵称').fill(name);
      await page.getByLabel('密码').fill('a-good-password');
      await page.getByRole('button', { name: '注册并登录' }).click();
      await page.waitForURL('**/home');
    },
    async signIn(page: Page, phone: string, password: string) {
      await page.goto(`${product.url}/sign-in`);
      await page.getByLabel('手机号').fill(phone);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL('**/home');
    },
  };
}

export type Visitor = ReturnType<typeof visitor>;
