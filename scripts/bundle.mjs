#!/usr/bin/env node
// The programs hmsops starts, each bundled with its dependencies into dist/bundle/ (esbuild, from
// the modules tsc wrote to dist/): the CLI (bin/hmsops), the daemon, the gateway and the bundled
// services. A command or a service then loads a few files instead of ~300 (module resolution,
// package.json lookups, the CommonJS loader: about a third of a short command's CPU on Node 20;
// docs/benchmarks.md has the figures). Code the programs share is in chunks of its own, loaded
// only by those that import it. `npm run build` (and `prepare`, `npm test`) runs this after tsc.
//
// Left outside the bundle, loaded from node_modules as before (`external` below): packages that
// find files next to their own code, and optional ones hmsops does not install. The build fails
// when a bundled package names its own location and nobody has checked it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PROGRAMS } from './programs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outdir = path.join(dist, 'bundle');

const external = [
  // Packages that find files of their own next to their code (__dirname, import.meta.url), which a
  // bundle moves: better-sqlite3 (its .node file), ssh2 (its WebAssembly), pino (its transports'
  // worker files), @fastify/swagger and ink (their package.json), import-fresh (its caller's
  // file); react with ink, so that the views and ink share one React.
  'better-sqlite3',
  'ssh2',
  'pino',
  '@fastify/swagger',
  'import-fresh',
  'ink',
  'react',
  // Optional, not installed or not built: pg's native driver, native addons (allowScripts),
  // ink's devtools (DEV=true), cosmiconfig's TypeScript config loader.
  'pg-native',
  'cpu-features',
  '*.node',
  'react-devtools-core',
  'typescript',
];

/**
 * Bundled packages whose code names its own location, each checked: the use is guarded or never
 * reached from a bundle. A package not here that does is refused below (add it to `external`).
 */
const LOCATION_CHECKED = {
  commander: 'in comments only',
  undici: "guarded: typeof __filename !== 'undefined'",
  openpgp: "createRequire(import.meta.url) for Node's own modules only",
};

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: Object.fromEntries(Object.entries(PROGRAMS).map(([name, file]) => [name, path.join(dist, file)])),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // CommonJS packages inside an ES module bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __hmsopsRequire } from 'node:module'; const require = __hmsopsRequire(import.meta.url);" },
  // Maps back to the TypeScript (through tsc's maps) for NODE_OPTIONS=--enable-source-maps.
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  metafile: true,
});

const packageOf = (file) => file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
const unchecked = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const pkg = packageOf(input);
  if (!pkg || pkg in LOCATION_CHECKED) continue;
  if (/__dirname|__filename|import\.meta\.(url|dirname|filename)/.test(fs.readFileSync(path.join(root, input), 'utf8'))) unchecked.add(`${pkg} (${input})`);
}
if (unchecked.size) {
  console.error(`bundle: these packages name their own location, which a bundle changes; mark them external in scripts/bundle.mjs:\n  ${[...unchecked].join('\n  ')}`);
  process.exit(1);
}
