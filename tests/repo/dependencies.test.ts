import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every workspace declares what it imports (dependencies, devDependencies or peerDependencies), so a package can be
 * read, built or moved on its own and no import works only because npm happened to hoist a neighbour's dependency.
 * The root package owns what is outside the workspaces: tests/, infra/ and the root configuration.
 */
const root = join(import.meta.dirname, '../..');
const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    workspaces?: string[];
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };

const SKIP = new Set([
  'node_modules',
  'build',
  'dist',
  '.svelte-kit',
  '.turbo',
  'migrations',
  'template',
  '.artifacts',
]);
function sources(dir: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name) || skip.includes(path)) return [];
    if (statSync(path).isDirectory()) return sources(path, skip);
    return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
  });
}

/** Import and re-export statements at the start of a line, and `import()` with no quote before it on its line: code
 * quoted in strings (a generator's expectations) is not read. */
const IMPORTS = [
  /^\s*(?:import|export)\s[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm,
  /^\s*import\s+['"]([^'"]+)['"]/gm,
  /^[^'"`\n]*\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
  /\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The peer dependencies a package asks its dependant to provide (zod for @hono/zod-openapi). */
const peersOf = (dependency: string) =>
  Object.keys(
    (
      JSON.parse(readFileSync(join(root, 'node_modules', dependency, 'package.json'), 'utf8')) as {
        peerDependencies?: Record<string, string>;
      }
    ).peerDependencies ?? {},
  );
/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or null for anything else. */
function packageOf(specifier: string): string | null {
  if (/^[./#$]/.test(specifier) || specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) {
    return null;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const workspaces = manifest(root).workspaces!.flatMap((pattern) => {
  const parent = join(root, pattern.replace('/*', ''));
  return readdirSync(parent).map((name) => join(parent, name));
});

describe('workspaces', () => {
  it('declare every package their code imports', () => {
    const undeclared: string[] = [];
    const owners = [
      ...workspaces.map((dir) => ({ dir, files: sources(dir) })),
      {
        dir: root,
        files: sources(root, [
          ...workspaces.map((w) => join(w)),
          join(root, 'apps'),
          join(root, 'packages'),
          join(root, 'plugins'),
        ]),
      },
    ];
    for (const { dir, files } of owners) {
      const { name, dependencies = {}, devDependencies = {}, peerDependencies = {} } = manifest(dir);
      const declared = new Set([name, ...Object.keys({ ...dependencies, ...devDependencies, ...peerDependencies })]);
      for (const file of files) {
        const code = readFileSync(file, 'utf8');
        for (const [, specifier] of IMPORTS.flatMap((pattern) => [...code.matchAll(pattern)])) {
          const used = packageOf(specifier!);
          if (used && !declared.has(used))
            undeclared.push(`${relative(root, file)}: ${used} (not in ${name}'s package.json)`);
        }
      }
    }
    expect([...new Set(undeclared)]).toEqual([]);
  });

  it('use every runtime dependency they declare (directly, or as the peer a dependency asks for)', () => {
    const unused = workspaces.flatMap((dir) => {
      const { name, dependencies = {} } = manifest(dir);
      const imported = new Set(
        sources(dir).flatMap((file) => {
          const code = readFileSync(file, 'utf8');
          return IMPORTS.flatMap((pattern) => [...code.matchAll(pattern)].map(([, s]) => packageOf(s!)));
        }),
      );
      const peers = new Set(
        Object.keys(dependencies)
          .filter((d) => imported.has(d))
          .flatMap(peersOf),
      );
      return Object.keys(dependencies)
        .filter((dependency) => !imported.has(dependency) && !peers.has(dependency))
        .map((dependency) => `${name}: ${dependency}`);
    });
    expect(unused).toEqual([]);
  });
});
