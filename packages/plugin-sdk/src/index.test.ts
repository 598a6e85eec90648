import { describe, expect, it } from 'vitest';
import { definePlugin, PluginManifestError } from './index.ts';

const valid = {
  id: 'local-services',
  version: '1.0.0',
  name: { 'zh-CN': '便民服务', en: 'Local services' },
  description: { 'zh-CN': '商家入驻与预约', en: 'Vendors and orders' },
  coreRange: '^1.0.0',
};

describe('definePlugin', () => {
  it('returns a valid manifest unchanged', () => {
    expect(definePlugin(valid)).toBe(valid);
  });
  it('refuses malformed ids, versions and missing translations at import time', () => {
    expect(() => definePlugin({ ...valid, id: 'Local_Services' })).toThrow(PluginManifestError);
    expect(() => definePlugin({ ...valid, version: '1.0' })).toThrow(PluginManifestError);
    expect(() => definePlugin({ ...valid, name: { 'zh-CN': '便民服务', en: '' } })).toThrow(/zh-CN and en/);
  });
});
