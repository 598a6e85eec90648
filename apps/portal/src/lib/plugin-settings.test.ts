import { describe, expect, it } from 'vitest';
import { settingFields, settingsFromForm } from './plugin-settings.ts';

const schema = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 20, default: '便民电话' },
    showEmergency: { type: 'boolean', default: true },
    slots: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
    mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
  },
};
const text = {
  title: { label: { 'zh-CN': '页面标题', en: 'Page title' }, hint: { 'zh-CN': '最多20字', en: 'Up to 20' } },
};

describe('plugin settings form', () => {
  it('derives a field per setting from the JSON Schema, with labels in the visitor’s language', () => {
    const fields = settingFields(schema, text, { showEmergency: false }, 'en');
    expect(fields.map((f) => [f.key, f.kind])).toEqual([
      ['title', 'text'],
      ['showEmergency', 'boolean'],
      ['slots', 'number'],
      ['mode', 'select'],
    ]);
    expect(fields[0]).toMatchObject({ label: 'Page title', hint: 'Up to 20', value: '便民电话', min: 1, max: 20 });
    expect(fields[1]).toMatchObject({ label: 'showEmergency', checked: false });
    expect(fields[3]!.options).toEqual([
      { value: 'a', label: 'a' },
      { value: 'b', label: 'b' },
    ]);
  });

  it('reads a submitted form back into typed settings', () => {
    const form = new FormData();
    form.set('setting.title', ' 常用电话 ');
    form.set('setting.slots', '4');
    form.set('setting.mode', 'b');
    expect(settingsFromForm(schema, form)).toEqual({ title: '常用电话', showEmergency: false, slots: 4, mode: 'b' });
    form.set('setting.slots', 'many');
    form.set('setting.showEmergency', 'on');
    expect(settingsFromForm(schema, form)).toMatchObject({ showEmergency: true, slots: 'many' });
  });
});
