import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, maskPhone, PhoneSchema, SignUpSchema, VALIDATION_MESSAGES } from './index.ts';

describe('contracts', () => {
  it('masks phone numbers for lists', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
  it('accepts mainland mobile numbers as people type them', () => {
    expect(PhoneSchema.parse('138 0013-8000')).toBe('13800138000');
    for (const bad of ['12800138000', '1380013800', '+8613800138000', 'abc']) {
      expect(PhoneSchema.safeParse(bad).success).toBe(false);
    }
  });
  it('carries message keys that exist in both languages', () => {
    const result = SignUpSchema.safeParse({ phone: 'x', code: '1', password: 'short' });
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) {
      if (issue.code !== 'invalid_type') expect(Object.keys(VALIDATION_MESSAGES)).toContain(issue.message);
    }
  });
  it('gives every error a status and a title in zh-CN and en', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry['zh-CN'], code).toMatch(/[\u4e00-\u9fa5]/);
      expect(entry.en, code).toMatch(/[a-z]/);
    }
  });
});
