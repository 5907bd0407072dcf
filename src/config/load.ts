/**
 * Finds the config with cosmiconfig (hmsops.config.yaml, .hmsopsrc*, package.json "hmsops"),
 * then re-reads the file with the yaml parser so every problem carries its line and column.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { HmsopsError, ValidationError, type SourceProblem } from '../errors/index.js';
import { checkAgainst, shown, type PathProblem } from './schema-check.js';
import { validateConfig } from '../generated/validators.js';
import { crossFieldProblems } from './cross-field.js';
import { resolveConfig, withFileDefaults } from './schema.js';
import type { FleetConfig } from './types.js';

const searchPlaces = ['hmsops.config.yaml', 'hmsops.config.yml', 'hmsops.config.json', '.hmsopsrc', '.hmsopsrc.yaml', '.hmsopsrc.yml', '.hmsopsrc.json', 'package.json'];

/** The yaml library's message, on one line: it quotes the source it could not read, which may be the rest of the file. */
const syntaxMessage = (message: string) => {
  const line = message.split('\n')[0]!;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
};

/** Parses YAML (JSON is YAML) and keeps a way back from a value path to line:column. */
/** lineOffset: the text is a slice of a file that starts this many lines into it. */
export function parseWithPositions(file: string, text: string, prefix: (string | number)[] = [], lineOffset = 0) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax: SourceProblem[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { file, line: pos.line + lineOffset, column: pos.col, path: '', message: syntaxMessage(e.message) };
  });
  const locate = (p: PathProblem): SourceProblem => {
    const full = [...prefix, ...p.path];
    // Walk up until a node with a position exists (a missing key points at its parent).
    for (let n = full.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(full.slice(0, n), true);
      // For a bad key, point at the key itself rather than its value.
      if (isNode(node) && node.range) {
        let offset = node.range[0];
        if (n === full.length && n > 0) {
          const parent = n === 1 ? doc.contents : doc.getIn(full.slice(0, n - 1), true);
          const pair = isMap(parent) ? parent.items.find((it) => isScalar(it.key) && it.key.value === full[n - 1]) : undefined;
          if (isScalar(pair?.key) && pair.key.range && /unknown key/.test(p.message)) offset = pair.key.range[0];
        }
        const pos = lineCounter.linePos(offset);
        return { file, line: pos.line + lineOffset, column: pos.col, path: formatPath(p.path), message: p.message };
      }
    }
    return { file, path: formatPath(p.path), message: p.message };
  };
  let value: unknown;
  if (!syntax.length) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // An alias without its anchor, or one that expands too far, shows only as the value is built.
      // It is pointed at: the alias the message names, or (too many) the first alias.
      const message = (err as Error).message;
      const unresolved = /Unresolved/.test(message);
      let at: number | undefined;
      visit(doc, {
        Alias: (_key, node) => {
          if (at === undefined && (!unresolved || message.endsWith(`: ${node.source}`))) at = node.range?.[0];
        },
      });
      const pos = at === undefined ? undefined : lineCounter.linePos(at);
      syntax.push({ file, line: (pos?.line ?? 1) + lineOffset, column: pos?.col ?? 1, path: '', message: syntaxMessage(message) });
    }
  }
  return { value, syntax, locate };
}

export function formatPath(p: (string | number)[]): string {
  // A key that is not a plain name (YAML allows any value as a key), or one too long to read, is
  // shown quoted and shortened, on one line.
  const name = (k: string) => (k.length <= 60 && /^[\w-]+$/.test(k) ? k : shown(k));
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? name(k) : `.${name(k)}`)).join('');
}

/** Files holding secrets (the fleet secret, etcd's password and client key, the database's client key, the SFTP key): readable by their owner alone. */
function secretFileProblems(
  raw: {
    fleet?: { secretFile?: string };
    registry?: { passwordFile?: string; tls?: { key?: string } };
    store?: { tls?: { key?: string } };
    services?: Record<string, { store?: { tls?: { key?: string } } } | null>;
    ach?: { odfi?: { sftp?: { privateKeyFile?: string }; pgp?: { bankPublicKeyFile?: string; privateKeyFile?: string; passphraseFile?: string } } };
  } | null,
  dir: string,
): PathProblem[] {
  const files: [string | undefined, (string | number)[]][] = [
    [raw?.store?.tls?.key, ['store', 'tls', 'key']],
    ...Object.entries(raw?.services ?? {}).map(([name, s]): [string | undefined, string[]] => [s?.store?.tls?.key, ['services', name, 'store', 'tls', 'key']]),
    [raw?.ach?.odfi?.sftp?.privateKeyFile, ['ach', 'odfi', 'sftp', 'privateKeyFile']],
    [raw?.ach?.odfi?.pgp?.bankPublicKeyFile, ['ach', 'odfi', 'pgp', 'bankPublicKeyFile']],
    [raw?.ach?.odfi?.pgp?.privateKeyFile, ['ach', 'odfi', 'pgp', 'privateKeyFile']],
    [raw?.ach?.odfi?.pgp?.passphraseFile, ['ach', 'odfi', 'pgp', 'passphraseFile']],
    [raw?.fleet?.secretFile, ['fleet', 'secretFile']],
    [raw?.registry?.passwordFile, ['registry', 'passwordFile']],
    [raw?.registry?.tls?.key, ['registry', 'tls', 'key']],
  ];
  const out: PathProblem[] = [];
  for (const [name, where] of files) {
    if (!name) continue;
    const file = path.resolve(dir, name);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      out.push({ path: where, message: `${file} does not exist` });
      continue;
    }
    if (!st.isFile()) out.push({ path: where, message: `${file} is not a file` });
    else if (st.mode & 0o077) out.push({ path: where, message: `${file} is readable by others (mode ${(st.mode & 0o777).toString(8)}): chmod 600 it` });
    else if (where[0] === 'fleet' && fs.readFileSync(file, 'utf8').trim().length < 16)
      out.push({ path: where, message: `${file} holds fewer than 16 characters: a fleet secret must not be guessable (openssl rand -base64 32 > ${name})` });
  }
  return out;
}

export interface LoadOptions {
  /** Explicit config file (--config / HMSOPS_CONFIG); otherwise searched from cwd upward. */
  file?: string;
  cwd?: string;
  stateDir?: string;
}

export async function loadConfig(opts: LoadOptions = {}): Promise<FleetConfig> {
  const cwd = opts.cwd ?? process.cwd();
  let file: string | null = null;
  if (opts.file) {
    file = path.resolve(cwd, opts.file);
    if (!fs.existsSync(file)) throw new HmsopsError('CONFIG_NOT_FOUND', `config file not found: ${file}`);
  } else {
    const explorer = cosmiconfig('hmsops', {
      searchPlaces,
      searchStrategy: 'global',
      stopDir: path.parse(cwd).root,
      // Only find the file here; it is parsed below with positions.
      loaders: {
        '.yaml': (f) => ({ found: f }),
        '.yml': (f) => ({ found: f }),
        '.json': (f, c) => (f.endsWith('package.json') ? JSON.parse(c) : { found: f }),
        noExt: (f) => ({ found: f }),
      },
    });
    const found = await explorer.search(cwd).catch((err: Error) => {
      throw new HmsopsError('CONFIG_UNREADABLE', `could not read config: ${err.message}`);
    });
    file = found?.filepath ?? null;
  }
  if (!file) {
    const cfg = resolveConfig({}, null, cwd);
    if (opts.stateDir) cfg.stateDir = path.resolve(cwd, opts.stateDir);
    asWritten.set(cfg, {});
    return cfg;
  }
  const text = fs.readFileSync(file, 'utf8');
  const inPackageJson = path.basename(file) === 'package.json';
  const { value, syntax, locate } = parseWithPositions(file, text, inPackageJson ? ['hmsops'] : []);
  if (syntax.length) throw new ValidationError(`invalid config ${file}`, syntax);
  const raw = inPackageJson ? (value as { hmsops?: unknown } | null)?.hmsops : (value ?? {});
  const problems = [...checkAgainst(validateConfig, raw), ...crossFieldProblems(raw ?? {})];
  if (!problems.length) problems.push(...secretFileProblems(raw as Record<string, never>, path.dirname(file)));
  if (problems.length) throw new ValidationError(`invalid config ${file}`, problems.map(locate));
  const cfg = resolveConfig(raw as Parameters<typeof resolveConfig>[0], file, path.dirname(file));
  if (opts.stateDir) cfg.stateDir = path.resolve(cwd, opts.stateDir);
  asWritten.set(cfg, raw as Record<string, unknown>);
  return cfg;
}

const asWritten = new WeakMap<FleetConfig, Record<string, unknown>>();

/**
 * The config as its file says it (the keys the file takes: `upstreamTimeout: 30s`, not
 * `upstreamTimeoutMs`), with the defaults that apply filled in: what `config print` shows, and a
 * file that loads to the same config.
 */
export function configFileForm(cfg: FleetConfig): Record<string, unknown> {
  return withFileDefaults(asWritten.get(cfg) ?? {});
}
