import type { AuditEntryView, AuditFacets, Locale } from '@city/contracts';
import { buildingLabel, isCoreAuditArea, unitLabel } from '@city/contracts/values';
import type { MessageKey } from '#lib/i18n/index.ts';

/** The portal's translate, for the reader's language: returns the key itself when there is no such message. */
type Translate = (key: MessageKey, params?: Record<string, string>) => string;

/** Long texts of a record (a notice's title, a note) are cut so a sentence stays a sentence. */
const LONGEST = 40;
const clip = (text: string) => (text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text);
const shown = (value: unknown) =>
  typeof value === 'string' && value.trim()
    ? clip(value.trim())
    : typeof value === 'number'
      ? String(value)
      : undefined;

/**
 * Where an entry's details carry what a person recognises its target by (a title, a name, a home). Targets without
 * one are named by their kind ("一条通知"), never by their id. Homes are spelt as the reader says them (`Bldg 1`).
 */
const TARGET_NAMES: Record<string, (details: Record<string, unknown>, locale: Locale) => unknown> = {
  tenant: (d) => d.name,
  member: (d) => d.member,
  invitation: (d) => d.name,
  notice: (d) => d.title,
  building: (d, locale) => (typeof d.name === 'string' ? buildingLabel(d.name, locale) : undefined),
  unit: (d, locale) => home(d, locale) ?? home(d.unit, locale) ?? home(d.to, locale),
  owner: (d) => d.owner ?? d.name,
  owner_lookalike_decision: (d) => d.name,
  feedback_report: (d) => d.number,
  open311_client: (d) => d.name,
  ledger_account: (d) => d.name,
  ledger_entry: (d) => d.number,
  ledger_document: (d) => d.name,
  committee_meeting: (d) => d.title,
};
/** A unit's record in the details (its 单元 and room; the building is not recorded): `1单元 202` / `Unit 1, Room 202`. */
function home(value: unknown, locale: Locale) {
  if (!value || typeof value !== 'object') return undefined;
  const { entrance, room } = value as Record<string, unknown>;
  if (typeof room !== 'string' || !room.trim()) return undefined;
  return unitLabel({ buildingName: '', entrance: typeof entrance === 'string' ? entrance : '', room }, locale);
}

/** A piece of a sentence: the portal's words, or a name people typed (marked as theirs where it is shown). */
type Part = { text: string } | { name: string };

/** A template's `{placeholders}` filled from params; null when one has no value. */
function fill(template: string, params: Record<string, Part[] | undefined>): Part[] | null {
  const parts: Part[] = [];
  for (const [i, piece] of template.split(/\{(\w+)\}/).entries()) {
    if (i % 2 === 0) {
      if (piece) parts.push({ text: piece });
      continue;
    }
    const value = params[piece];
    if (value === undefined) return null;
    parts.push(...value);
  }
  return parts;
}

/**
 * A sentence as `Sentence` (from @city/ui) shows it: the portal's words with `{n0}`, `{n1}` … where the names go, so
 * each name is marked as typed and no name is read as a placeholder.
 */
export interface AuditSentence {
  text: string;
  names: Record<string, string>;
}
function sentenceOf(parts: Part[]): AuditSentence {
  const names: Record<string, string> = {};
  let text = '';
  for (const part of parts) {
    if ('text' in part) text += part.text;
    else {
      const key = `n${Object.keys(names).length}`;
      names[key] = part.name;
      text += `{${key}}`;
    }
  }
  return { text, names };
}

/** Reads an audit trail in the reader's words, from the facets the API gives (plugins' own words among them). */
export function auditWords(facets: AuditFacets, locale: Locale, translate: Translate) {
  const plugins = new Map(facets.plugins.map((p) => [p.id, p.name[locale]]));
  const actions = new Map(facets.actions.map((a) => [a.action, a]));
  const message = (key: string) => {
    const text = translate(key as MessageKey);
    return text === key ? undefined : text;
  };
  const areaOf = (action: string) => action.split('.', 1)[0] ?? '';
  const pluginOf = (action: string) =>
    actions.get(action)?.plugin ?? (plugins.has(areaOf(action)) ? areaOf(action) : null);
  const pluginName = (id: string) => plugins.get(id) ?? translate('audit.unknownPlugin');

  const coreArea = (action: string) => {
    const area = areaOf(action);
    return isCoreAuditArea(area) ? area : null;
  };

  /** The name of the core area or the plugin an action belongs to. */
  const group = (action: string) => {
    const plugin = pluginOf(action);
    if (plugin) return pluginName(plugin);
    const area = coreArea(action);
    return translate(area ? `audit.group.${area}` : 'audit.group.other');
  };

  /** The short name of an action, from its plugin's manifest or the portal's messages. */
  const labelOf = (action: string) =>
    pluginOf(action) ? actions.get(action)?.label?.[locale] : message(`audit.action.${action}`);
  const label = (action: string) => labelOf(action) ?? translate('audit.group.other');

  /** The portal's (or a plugin's) own words, as one part. */
  const words = (text: string): Part[] => [{ text }];

  const target = (entry: AuditEntryView): Part[] => {
    if (entry.targetType === 'plugin' && plugins.has(entry.targetId))
      return words(translate('audit.target.plugin.named', { name: pluginName(entry.targetId) }));
    const name = shown(TARGET_NAMES[entry.targetType]?.(entry.details, locale));
    const named = name === undefined ? undefined : message(`audit.target.${entry.targetType}.named`);
    if (named && name !== undefined) return fill(named, { name: [{ name }] }) ?? words(named);
    return words(message(`audit.target.${entry.targetType}`) ?? translate('audit.target.other'));
  };

  /**
   * One entry as a sentence: who did what to which thing, in which plugin. The person, the target's name and the
   * values from the details are names people typed; the rest is the portal's (or the plugin's) words.
   */
  const sentence = (entry: AuditEntryView): AuditSentence => {
    const actor = [{ name: entry.actorName }];
    const recordedBy = pluginOf(entry.action);
    // The core's entries about a plugin (its roles given to a member) name it in their details.
    const about = typeof entry.details.plugin === 'string' ? entry.details.plugin : undefined;
    const plugin = recordedBy ?? about;
    const params: Record<string, Part[] | undefined> = {};
    for (const [key, value] of Object.entries(entry.details)) {
      const text = shown(value);
      params[key] = text === undefined ? undefined : [{ name: text }];
    }
    Object.assign(params, { actor, target: target(entry), plugin: plugin ? words(pluginName(plugin)) : undefined });
    const template = recordedBy
      ? actions.get(entry.action)?.sentence?.[locale]
      : message(`audit.sentence.${entry.action}`);
    const filled = template && fill(template, params);
    if (filled) return sentenceOf(filled);
    // Details older than the words (or a plugin without them): the action's name still says what happened.
    const known = labelOf(entry.action);
    const fallback = recordedBy ? (known ? 'pluginLabel' : 'pluginOther') : known ? 'label' : 'other';
    const said = fill(translate(`audit.sentence.${fallback}`), {
      actor,
      plugin: recordedBy ? words(pluginName(recordedBy)) : undefined,
      label: known ? words(known) : undefined,
    });
    return sentenceOf(said ?? actor);
  };

  /** The filter's choices: each area or plugin a group, its actions by name, "all of it" first. */
  const actionGroups = () => {
    const byGroup = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const { action } of facets.actions) {
      const name = group(action);
      let entry = byGroup.get(name);
      if (!entry) {
        const area = areaOf(action);
        const whole = pluginOf(action) || coreArea(action);
        entry = {
          label: name,
          options: whole ? [{ value: `${area}.*`, label: translate('audit.filter.wholeGroup', { group: name }) }] : [],
        };
        byGroup.set(name, entry);
      }
      entry.options.push({ value: action, label: label(action) });
    }
    const collator = new Intl.Collator(locale);
    return [...byGroup.values()].sort((a, b) => collator.compare(a.label, b.label));
  };

  return { sentence, label, group, actionGroups };
}
