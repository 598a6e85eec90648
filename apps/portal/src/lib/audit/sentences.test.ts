import type { AuditEntryView, AuditFacets, Locale } from '@city/contracts';
import { CORE_AUDIT_AREAS } from '@city/contracts/values';
import { describe, expect, it } from 'vitest';
import { en } from '#lib/i18n/en.ts';
import { zhCN } from '#lib/i18n/zh-CN.ts';
import { type AuditSentence, auditWords } from './sentences.ts';

const dictionaries: Record<Locale, Record<string, string>> = { 'zh-CN': zhCN, en };
/** The sentences as the page gets them: words, and the names in them apart. */
const read = (locale: Locale) =>
  auditWords(facets, locale, (key, params = {}) => {
    const text = dictionaries[locale][key];
    return text === undefined ? key : text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  });
/** The sentences as a reader reads them. */
const words = (locale: Locale) => {
  const parts = read(locale);
  return { ...parts, sentence: (e: AuditEntryView) => shown(parts.sentence(e)) };
};
/** The sentence as `Sentence` shows it: the words with the names put in. */
const shown = ({ text, names }: AuditSentence) => text.replace(/\{(\w+)\}/g, (_, key: string) => names[key] ?? '');

const contacts = { 'zh-CN': '便民电话簿', en: 'Useful numbers' };
const facets: AuditFacets = {
  actors: [],
  actions: [
    {
      action: 'contacts.entry_added',
      plugin: 'contacts',
      label: { 'zh-CN': '添加条目', en: 'Entry added' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 添加了条目「{name}」',
        en: '{actor} added the entry “{name}” to {plugin}',
      },
    },
    {
      action: 'contacts.entry_moved',
      plugin: 'contacts',
      label: { 'zh-CN': '移动条目', en: 'Entry moved' },
      sentence: null,
    },
    { action: 'notice.published', plugin: null, label: null, sentence: null },
    { action: 'plugin.installed', plugin: null, label: null, sentence: null },
    { action: 'verification.approved', plugin: null, label: null, sentence: null },
  ],
  plugins: [{ id: 'contacts', name: contacts }],
};

const id = '0190f4c2-8c1e-7d3a-9b7e-2f4a5c6d7e8f';
const entry = (action: string, targetType: string, details: Record<string, unknown> = {}): AuditEntryView => ({
  seq: 1,
  actorUserId: id,
  actorName: '王芳',
  action,
  targetType,
  targetId: targetType === 'plugin' ? 'contacts' : id,
  occurredAt: '2026-12-02T15:25:00.000Z',
  details,
  hash: 'ab'.repeat(32),
});

describe('audit sentences', () => {
  it('words a plugin’s action with the plugin’s own words, naming the plugin, the person and the target', () => {
    const added = entry('contacts.entry_added', 'contacts_entry', { name: '物业值班电话' });
    expect(words('zh-CN').sentence(added)).toBe('王芳 在 便民电话簿 添加了条目「物业值班电话」');
    expect(words('en').sentence(added)).toBe('王芳 added the entry “物业值班电话” to Useful numbers');
  });

  it('words the core’s actions from the portal’s messages, naming targets by title or by kind, never by id', () => {
    expect(words('zh-CN').sentence(entry('notice.published', 'notice', { title: '停水通知' }))).toBe(
      '王芳 发布了通知「停水通知」',
    );
    expect(words('en').sentence(entry('notice.published', 'notice', {}))).toBe('王芳 published a notice');
    expect(words('zh-CN').sentence(entry('plugin.installed', 'plugin'))).toBe('王芳 安装了插件「便民电话簿」');
    const approved = words('en').sentence(entry('verification.approved', 'verification', { unit: id }));
    expect(approved).toBe('王芳 approved a verification request');
  });

  it('falls back to the action’s name when the details lack what the sentence names', () => {
    expect(words('zh-CN').sentence(entry('contacts.entry_added', 'contacts_entry'))).toBe(
      '王芳 在 便民电话簿：添加条目',
    );
    expect(words('en').sentence(entry('contacts.entry_moved', 'contacts_entry'))).toBe(
      '王芳 in Useful numbers: Entry moved',
    );
    expect(words('en').sentence(entry('somewhere.something', 'thing'))).toBe('王芳 did something');
  });

  it('marks as names only what people typed: the person, the target’s name, the values from the details', () => {
    const added = read('en').sentence(entry('contacts.entry_added', 'contacts_entry', { name: '物业值班电话' }));
    expect(added).toEqual({
      text: '{n0} added the entry “{n1}” to Useful numbers',
      names: { n0: '王芳', n1: '物业值班电话' },
    });
    // A name that looks like a placeholder stays a name.
    const published = read('en').sentence(entry('notice.published', 'notice', { title: '{actor} 停水' }));
    expect(published).toEqual({ text: '{n0} published the notice “{n1}”', names: { n0: '王芳', n1: '{actor} 停水' } });
    expect(read('en').sentence(entry('somewhere.something', 'thing'))).toEqual({
      text: '{n0} did something',
      names: { n0: '王芳' },
    });
  });

  it('spells a home as the reader says it, with no Chinese or full-width punctuation in the English words', () => {
    const unit = { entrance: '1单元', room: '202', floor: 2 };
    expect(words('en').sentence(entry('registry.owners_changed', 'unit', { unit }))).toBe(
      '王芳 changed the owners of Unit 1, Room 202',
    );
    expect(words('zh-CN').sentence(entry('registry.owners_changed', 'unit', { unit }))).toBe(
      '王芳 变更了房屋 1单元 202的业主',
    );
    expect(words('en').sentence(entry('registry.unit_updated', 'unit', { to: { entrance: '', room: '1502' } }))).toBe(
      '王芳 changed the record of Room 1502',
    );
    expect(words('en').sentence(entry('registry.building_created', 'building', { name: '1栋' }))).toBe(
      '王芳 added the building “Bldg 1”',
    );
    expect(words('zh-CN').sentence(entry('registry.building_created', 'building', { name: '1栋' }))).toBe(
      '王芳 新增了楼栋「1栋」',
    );
    const chinese = /[\p{Script=Han}：（），。、「」；！？【】《》]/u;
    for (const action of Object.keys(en).filter((k) => k.startsWith('audit.action.'))) {
      const said = read('en').sentence(entry(action.slice('audit.action.'.length), 'building', { name: '紫荆阁' }));
      expect(said.text, action).not.toMatch(chinese);
    }
  });

  it('groups the filter’s actions by area or plugin, each with "all of it" first', () => {
    const groups = words('en').actionGroups();
    expect(groups.find((g) => g.label === 'Useful numbers')?.options).toEqual([
      { value: 'contacts.*', label: 'All in Useful numbers' },
      { value: 'contacts.entry_added', label: 'Entry added' },
      { value: 'contacts.entry_moved', label: 'Entry moved' },
    ]);
    expect(groups.find((g) => g.label === 'Notices')?.options[1]).toEqual({
      value: 'notice.published',
      label: 'Notice published',
    });
  });

  it('words exactly the core’s audit areas, the ids no plugin may take, and labels only their actions', () => {
    const areas = (prefix: string) =>
      Object.keys(zhCN)
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length).split('.', 1)[0]);
    const grouped = areas('audit.group.').filter((area) => area !== 'other');
    expect(grouped.sort()).toEqual([...CORE_AUDIT_AREAS].sort());
    expect(CORE_AUDIT_AREAS).toEqual(expect.arrayContaining([...new Set(areas('audit.action.'))]));
    expect(words('en').group('ledger.account_created')).toBe(en['audit.group.ledger']);
  });

  it('has a sentence for every core action it labels, in both languages with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN).filter((k) => k.startsWith('audit.action.'))) {
      const sentence = `audit.sentence.${key.slice('audit.action.'.length)}`;
      expect(zhCN[sentence as keyof typeof zhCN], sentence).toBeDefined();
      expect(placeholders(en[sentence as keyof typeof en]), sentence).toEqual(
        placeholders(zhCN[sentence as keyof typeof zhCN]),
      );
    }
  });
});
