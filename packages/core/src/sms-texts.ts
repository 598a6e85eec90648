import type { Locale } from '@city/contracts';

/** SMS bodies in the recipient's language; carriers require the 【签名】 prefix. */
export const smsTexts = {
  code: (locale: Locale, code: string) =>
    locale === 'en'
      ? `[City Life] Your code is ${code}. It expires in 10 minutes. Do not share it.`
      : `【城市生活网】您的验证码为 ${code}，10分钟内有效，请勿泄露。`,
  invitation: (locale: Locale, tenant: string, inviter: string, url: string) =>
    locale === 'en'
      ? `[City Life] ${inviter} invited you to join ${tenant}. Sign up or sign in with this number at ${url} to accept.`
      : `【城市生活网】${inviter}邀请您加入「${tenant}」。请用本手机号在 ${url} 注册或登录后接受邀请。`,
};
