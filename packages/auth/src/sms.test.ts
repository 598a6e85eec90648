import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carrierParams, carrierTemplate, renderSms, SMS_TEMPLATES, type SmsKind } from './sms.ts';

const invitation = {
  kind: 'invitation',
  inviter: '王主任',
  tenant: '幸福里小区',
  url: 'https://city.example',
} as const;

describe('text messages', () => {
  it('reads as before in both languages, signed', () => {
    expect(renderSms({ kind: 'code', code: '042917' }, 'zh-CN')).toBe(
      '【城市生活网】您的验证码为 042917，10分钟内有效，请勿泄露。',
    );
    expect(renderSms({ kind: 'code', code: '042917' }, 'en')).toBe(
      '[City Life] Your code is 042917. It expires in 10 minutes. Do not share it.',
    );
    expect(renderSms(invitation, 'zh-CN')).toBe(
      '【城市生活网】王主任邀请您加入「幸福里小区」。请用本手机号在 https://city.example 注册或登录后接受邀请。',
    );
    expect(renderSms({ kind: 'account-exists' }, 'zh-CN')).toMatch(
      /^【城市生活网】本手机号已注册过城市生活网账号.*忘记密码/,
    );
  });

  it('substitutes parameters once: a name that looks like a placeholder stays as typed', () => {
    expect(renderSms({ ...invitation, inviter: '{url}' }, 'en')).toContain('{url} invited you to join');
  });

  it('gives carriers the parameters in template order, and registrable templates without any other variable', () => {
    expect(carrierParams(invitation)).toEqual([
      { name: 'inviter', value: '王主任' },
      { name: 'tenant', value: '幸福里小区' },
    ]);
    expect(carrierTemplate('invitation', 'tencent', 'https://city.example')).toBe(
      '{1}邀请您加入「{2}」。请用本手机号在 https://city.example 注册或登录后接受邀请。',
    );
    expect(carrierTemplate('code', 'aliyun', 'https://city.example')).toBe(
      '您的验证码为 ${code}，10分钟内有效，请勿泄露。',
    );
    for (const kind of Object.keys(SMS_TEMPLATES) as SmsKind[]) {
      for (const style of ['tencent', 'aliyun'] as const) {
        expect(carrierTemplate(kind, style, 'https://city.example')).not.toMatch(/(?<!\$)\{[a-z]+\}/);
      }
    }
  });

  it('are the templates the README asks operators to register', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const kind of Object.keys(SMS_TEMPLATES) as SmsKind[]) {
      for (const style of ['tencent', 'aliyun'] as const) {
        expect(readme).toContain(`\`${carrierTemplate(kind, style, '<PUBLIC_URL>')}\``);
      }
    }
  });
});
