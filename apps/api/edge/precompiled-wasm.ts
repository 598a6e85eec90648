import { posix } from 'node:path';
import type { Plugin } from 'rolldown';

/**
 * workerd refuses to compile WebAssembly at run time ("Wasm code generation disallowed by embedder"): a worker may only
 * instantiate the WebAssembly.Module objects it imports as modules (uploaded as CompiledWasm). hash-wasm embeds each
 * binary as base64 and compiles it on first use, so this plugin moves the binaries out of hash-wasm's code:
 * - each `var data$N = "<base64>"` becomes `import data$N from "<N's binary>"`, so a binary object's `data` is the
 *   WebAssembly.Module workerd compiled at upload, and only binaries whose objects survive tree-shaking are imported;
 * - the one place that decodes and compiles `binary.data` hands that module on instead (still cached by binary.name);
 * - each imported binary is emitted as `wasm/<name>.wasm` and imported relative to the chunk that uses it, so the
 *   runtime must load every .wasm module as CompiledWasm (Miniflare: a modulesRules entry; wrangler's default rule).
 * Any change in hash-wasm's shape fails the build instead of shipping a worker that cannot hash passwords.
 */
export function precompiledWasm(): Plugin {
  const binaries = new Map<string, Uint8Array>();
  const emitted = new Set<string>();
  return {
    name: 'precompiled-wasm',
    resolveId: {
      filter: { id: SPECIFIER },
      // No side effects: a binary whose object tree-shaking dropped leaves no import behind.
      handler: (id) => ({ id, external: true, moduleSideEffects: false }),
    },
    transform: {
      filter: { id: HASH_WASM_DIST },
      handler(code, id) {
        const patched = patchHashWasm(code, binaries);
        if (typeof patched === 'string') return { code: patched, map: null };
        this.error(`precompiled-wasm: ${id} no longer looks as expected (${patched.problem}); update the plugin.`);
      },
    },
    renderStart() {
      emitted.clear();
    },
    renderChunk(code, chunk) {
      // From the rendered code, not chunk.imports: that lists the imports of tree-shaken-away binaries too.
      const from = posix.dirname(chunk.fileName);
      const rendered = code.replace(SPECIFIER_LITERAL, (_, quote: string, name: string) => {
        const source = binaries.get(name);
        if (!source) this.error(`precompiled-wasm: ${chunk.fileName} imports ${name}, which hash-wasm did not provide`);
        if (!emitted.has(name)) this.emitFile({ type: 'asset', fileName: wasmFileName(name), source });
        emitted.add(name);
        const path = posix.relative(from, wasmFileName(name));
        const specifier = path.startsWith('.') ? path : `./${path}`;
        return quote + specifier + quote;
      });
      return rendered === code ? null : rendered;
    },
  };
}

const PREFIX = 'hash-wasm-precompiled:';
const SPECIFIER = /^hash-wasm-precompiled:[\w-]+$/;
const SPECIFIER_LITERAL = /(["'])hash-wasm-precompiled:([\w-]+)\1/g;
const HASH_WASM_DIST = /[\\/]node_modules[\\/]hash-wasm[\\/]dist[\\/][^\\/]+\.m?js$/;
const wasmFileName = (name: string) => `wasm/${name}.wasm`;

/** `var name$N = "argon2";` followed by its base64 binary, as hash-wasm's Rollup build lays out its JSON imports. */
const BINARY = /^var name(\$\w+)? = "([\w-]+)";\nvar (data\1) = "([A-Za-z0-9+/]+=*)";$/gm;
/** "\0asm", the magic number every wasm binary starts with, in base64: counts the binaries the patch must catch. */
const WASM_BASE64 = /"AGFzbQ[A-Za-z0-9+/]*=*"/g;
/** The run-time compile inside WASMInterface: decode `binary.data`, then WebAssembly.compile the bytes. */
const COMPILE =
  /const (\w+) = decodeBase64\((\w+)\.data\);\n((?:[ \t]*\/\/[^\n]*\n)*)([ \t]*)const (\w+) = WebAssembly\.compile\(\1\.buffer\);/g;
const RUNTIME_COMPILE = /WebAssembly\.(compile|compileStreaming|instantiateStreaming)\b|new WebAssembly\.Module\b/;

/** hash-wasm's code with its binaries imported and its compile replaced, or what did not match. */
export function patchHashWasm(code: string, binaries: Map<string, Uint8Array>): string | { problem: string } {
  const embedded = code.match(WASM_BASE64)?.length ?? 0;
  let replaced = 0;
  let patched = code.replace(
    BINARY,
    (line, _suffix: string | undefined, name: string, binding: string, data: string) => {
      replaced++;
      binaries.set(name, Buffer.from(data, 'base64'));
      // Same line count, so the module's lines still map onto the original.
      return `${line.slice(0, line.indexOf('\n'))}\nimport ${binding} from "${PREFIX}${name}";`;
    },
  );
  if (embedded === 0 || replaced !== embedded) {
    return { problem: `found ${embedded} embedded wasm binaries, of which ${replaced} in the expected layout` };
  }
  const compiles = code.match(COMPILE)?.length ?? 0;
  if (compiles !== 1) return { problem: `found the decode-and-compile of binary.data ${compiles} times, not once` };
  patched = patched.replace(
    COMPILE,
    (_, _asm, binary: string, comments: string, indent: string, promise: string) =>
      `// precompiledWasm: ${binary}.data is the WebAssembly.Module imported from its .wasm file.\n` +
      comments.replace(/[^\n]/g, '') +
      `${indent}const ${promise} = Promise.resolve(${binary}.data);`,
  );
  const left = RUNTIME_COMPILE.exec(patched);
  if (left) return { problem: `another run-time compile is left: ${left[0]}` };
  return patched;
}
