/**
 * What `npm start` runs, kept in step with the sources without asking turbo each time: one hash of the sources, then
 * the portal's build (turbo runs only when the stamp its last run left names other sources) and the combined server
 * as a bundle (made by rolldown when there is none for this hash). A later start used to spend ~1.5 s in turbo's cache
 * check and ~2.5 s having Node resolve, place and strip the server's ~950 modules one by one.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  globSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin, RolldownMagicString } from 'rolldown';

const ROOT = join(import.meta.dirname, '..');
const PORTAL = 'apps/portal';
const CACHE = join(ROOT, 'node_modules/.cache/city-start');

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function* filesUnder(path: string, skipped: Set<string>): Generator<string> {
  if (skipped.has(path) || basename(path) === 'node_modules') return;
  if (!statSync(join(ROOT, path)).isDirectory()) return yield path;
  for (const name of readdirSync(join(ROOT, path)).sort()) yield* filesUnder(join(path, name), skipped);
}

/**
 * The portal build's inputs as turbo.json lists them (`$TURBO_DEFAULT$`: the portal's own files but its outputs),
 * which hold the server's sources too, and what else decides what the bundle holds: the installed packages, the
 * workspaces' manifests, this file. By content: a checkout that only touches the files' times rebuilds nothing.
 */
export function sourcesHash(): string {
  const turbo = JSON.parse(readFileSync(join(ROOT, 'turbo.json'), 'utf8')) as {
    tasks: { build: { inputs: string[]; outputs: string[] } };
  };
  const { inputs, outputs } = turbo.tasks.build;
  const folder = (pattern: string) => join(PORTAL, pattern.replace(/\/\*\*$/, ''));
  // turbo rewrites its log there on every run: hashed, it would outdate each stamp as soon as it is written.
  const skipped = new Set([...outputs, '.turbo'].map(folder));
  const roots = inputs.map((input) => (input === '$TURBO_DEFAULT$' ? PORTAL : folder(input)));
  const manifests = ['turbo.json', '{apps,packages,plugins}/*/package.json'];
  // The lockfile's packages, not its root entry: npm rewrites that at the end of an install, after the postinstall
  // has hashed it (`hasInstallScript`), and the root package's own dependencies are among the packages.
  const { packages } = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  const hash = createHash('sha256').update(readFileSync(import.meta.filename));
  hash.update(JSON.stringify({ ...packages, '': null }));
  for (const root of globSync([...roots, ...manifests], { cwd: ROOT }).sort()) {
    for (const file of filesUnder(root, skipped)) {
      const content = readFileSync(join(ROOT, file));
      hash.update(`\0${file}\0${content.byteLength}\0`).update(content);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const PORTAL_STAMP = join(CACHE, 'portal-build');
const PORTAL_HANDLER = join(ROOT, PORTAL, 'build/handler.js');

/**
 * Names the sources and the build made from them (by its handler's time), so a build written since by anything else
 * (`npm run build`, turbo restoring another sources' build from its cache) is not taken for the stamped one.
 */
const portalStamp = (hash: string) => (existsSync(PORTAL_HANDLER) ? `${hash} ${statSync(PORTAL_HANDLER).mtimeMs}` : '');

/** The portal's build for these sources: turbo's (from its cache, else Vite's) unless the stamp says it is there. */
export function buildPortal(hash: string) {
  const stamp = portalStamp(hash);
  if (stamp && stamp === readText(PORTAL_STAMP)) return;
  const build = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@city/portal', '--output-logs=errors-only'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`the portal's build failed (turbo exited with ${build.status})`);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(PORTAL_STAMP, portalStamp(hash));
}

/** Whether Node takes the `.js` files of this folder for ES modules: the `type` of the nearest package.json. */
function moduleFolder(folder: string, types: Map<string, boolean>): boolean {
  let type = types.get(folder);
  if (type === undefined) {
    const manifest = readText(join(folder, 'package.json'));
    type =
      manifest !== undefined
        ? (JSON.parse(manifest) as { type?: string }).type === 'module'
        : folder !== dirname(folder) && moduleFolder(dirname(folder), types);
    types.set(folder, type);
  }
  return type;
}

const esModule = (file: string, types: Map<string, boolean>) =>
  file.endsWith('.ts') || file.endsWith('.mjs') || (file.endsWith('.js') && moduleFolder(dirname(file), types));

/**
 * The bundle holds the ES modules: the workspace's TypeScript and the dependencies' ES modules (drizzle-orm's, zod's,
 * hono's… Node looks up the package of each one it loads). CommonJS, native addons, JSON and the portal's build stay
 * imports of the files Node would have loaded, by their paths. Each bundled module keeps its own `import.meta`
 * (migrations, fonts and PGlite's files are found beside it), and none of them is the main module.
 */
function esModulesOnly(MagicString: typeof RolldownMagicString): Plugin {
  const META = /\bimport\.meta\.(url|dirname|filename|main)\b/g;
  const portalBuild = join(ROOT, PORTAL, 'build/');
  const types = new Map<string, boolean>();
  return {
    name: 'city:es-modules-only',
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith('node:')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      if (esModule(resolved.id, types) && !resolved.id.startsWith(portalBuild)) return resolved;
      return { id: pathToFileURL(resolved.id).href, external: 'absolute' };
    },
    transform: {
      // Rolldown's own modules (`\0…`) have no file: theirs stays the chunk's.
      filter: { id: { exclude: /^\0/ }, code: /\bimport\.meta\./ },
      handler(code, id) {
        const values: Record<string, string> = {
          url: JSON.stringify(pathToFileURL(id).href),
          dirname: JSON.stringify(dirname(id)),
          filename: JSON.stringify(id),
          main: 'false',
        };
        const edited = new MagicString(code);
        for (const { index, 0: text, 1: property } of code.matchAll(META)) {
          edited.overwrite(index, index + text.length, values[property!]!);
        }
        return { code: edited };
      },
    },
  };
}

/**
 * apps/portal/server.ts bundled for these sources, made now if there is none (bundles of other sources are removed);
 * the path of its entry. Source maps without the sources: stack traces name the original files and lines.
 */
export async function serverBundle(hash: string): Promise<string> {
  const dir = join(CACHE, `server-${hash}`);
  const entry = join(dir, 'server.js');
  if (existsSync(entry)) return entry;
  const { build, RolldownMagicString } = await import('rolldown');
  const temporary = `${dir}.${process.pid}`;
  await build({
    input: join(ROOT, PORTAL, 'server.ts'),
    platform: 'node',
    plugins: [esModulesOnly(RolldownMagicString)],
    // Node's own conditions and fields, so the bundle holds the files Node would have loaded.
    resolve: { conditionNames: ['node', 'import', 'module-sync', 'default'], mainFields: ['main'] },
    // PGlite evaluates the JavaScript of the extensions it loads (emscripten): inside its own functions, whose names
    // bundling leaves alone.
    checks: { eval: false },
    logLevel: 'warn',
    output: { dir: temporary, entryFileNames: 'server.js', sourcemap: true, sourcemapExcludeSources: true },
  });
  for (const name of readdirSync(CACHE).filter((name) => /^server-[0-9a-f]+$/.test(name))) {
    rmSync(join(CACHE, name), { recursive: true, force: true });
  }
  try {
    renameSync(temporary, dir);
  } catch (error) {
    // Another start bundled the same sources meanwhile.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(entry)) throw error;
  }
  return entry;
}
