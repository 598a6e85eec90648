/**
 * `npm run new:plugin -- <id> [--zh 中文名] [--en "English name"]`: a new plugin in plugins/<id>, in the shape every
 * plugin has (template/), offered by the API (apps/api/src/plugins.ts) and given pages in the portal
 * (apps/portal/src/lib/plugins.ts). No code is generated beyond those two lines and the plugin's own folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isCoreAuditArea, PLUGIN_ID, RESERVED_PLUGIN_IDS } from '@city/contracts';

const TEMPLATE = fileURLToPath(new URL('../template', import.meta.url));

export interface NewPlugin {
  id: string;
  nameZh?: string | undefined;
  nameEn?: string | undefined;
  /** The repository's root (the folder holding apps/ and plugins/). */
  root: string;
  /** Milliseconds since the epoch for the first migration's journal entry. */
  now?: number;
}

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (id: string) => camel(id).replace(/^./, (c) => c.toUpperCase());
const words = (id: string) =>
  id
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function edit(path: string, change: (text: string) => string) {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`could not register the plugin in ${path}; add it by hand`);
  writeFileSync(path, after);
}

function addDependency(path: string, name: string) {
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: Record<string, string> };
  pkg.dependencies = Object.fromEntries(
    Object.entries({ ...pkg.dependencies, [name]: '*' }).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
}

/** Writes plugins/<id> from the template and registers it with the API and the portal. Returns the files written. */
export function createPlugin(options: NewPlugin): string[] {
  const { id, root } = options;
  if (!PLUGIN_ID.test(id) || RESERVED_PLUGIN_IDS.includes(id)) {
    throw new Error(
      `the id must be kebab-case (e.g. "party-building") and not ${RESERVED_PLUGIN_IDS.join('/')}: ${id}`,
    );
  }
  if (isCoreAuditArea(id)) throw new Error(`the id ${id} is reserved for the core's own audit actions: choose another`);
  const target = join(root, 'plugins', id);
  if (existsSync(target)) throw new Error(`plugins/${id} exists already`);
  const nameEn = options.nameEn ?? words(id);
  const values: Record<string, string> = {
    __ID__: id,
    __CAMEL__: camel(id),
    __PASCAL__: pascal(id),
    __SNAKE__: id.replace(/-/g, '_'),
    __NAME_EN__: nameEn,
    __NAME_ZH__: options.nameZh ?? nameEn,
    __NOW__: String(options.now ?? Date.now()),
  };
  // Placeholders by name (`city_p___SNAKE__` is "city_p_" then __SNAKE__), never by a pattern that could span two.
  const placeholders = new RegExp(Object.keys(values).join('|'), 'g');
  const fill = (text: string) => text.replace(placeholders, (key) => values[key]!);
  const written: string[] = [];
  for (const source of files(TEMPLATE)) {
    const path = join(target, fill(relative(TEMPLATE, source)).replace(/\.tmpl$/, ''));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, fill(readFileSync(source, 'utf8')));
    written.push(path);
  }

  const pkg = `@city/plugin-${id}`;
  edit(join(root, 'apps/api/src/plugins.ts'), (text) =>
    text.replace(/((?:^import .*\n)+)/m, `$1import { ${camel(id)}Plugin } from '${pkg}/server';\n`).replace(
      /export const plugins = \[([^\]]*)\] as const;/,
      (_, list: string) =>
        `export const plugins = [${[
          ...list
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          `${camel(id)}Plugin`,
        ].join(', ')}] as const;`,
    ),
  );
  edit(join(root, 'apps/portal/src/lib/plugins.ts'), (text) => {
    // The map's entries end at the first line that closes it.
    const start = text.indexOf('export const pluginPortals');
    const end = text.indexOf('\n};', start);
    if (start < 0 || end < 0) return text;
    const key = id.includes('-') ? `'${id}'` : id;
    return `${text.slice(0, end)}\n  ${key}: () => import('${pkg}/portal'),${text.slice(end)}`;
  });
  addDependency(join(root, 'apps/api/package.json'), pkg);
  addDependency(join(root, 'apps/portal/package.json'), pkg);
  return written;
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { zh: { type: 'string' }, en: { type: 'string' } },
  });
  const id = positionals[0];
  if (!id) {
    console.error('usage: npm run new:plugin -- <id> [--zh 中文名] [--en "English name"]');
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  try {
    createPlugin({ id, nameZh: values.zh, nameEn: values.en, root });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  console.log(`plugins/${id} is ready. Next: npm install (links the new workspace), then npm test.`);
}
