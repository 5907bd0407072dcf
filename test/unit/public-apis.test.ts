// Public APIs only: nothing in src/ or services/ reaches into Node's private modules, bindings or
// fields (they changed under the gateway on every Node after 20). Each pattern names a way in
// that a documented API never needs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

const PRIVATE: Array<[RegExp, string]> = [
  [/['"](?:node:)?_(?:http|stream|tls|linklist)\w*['"]/, "a private Node module ('_http_common', '_stream_...')"],
  [/process\.binding\s*\(/, 'process.binding'],
  [/internalBinding/, 'internalBinding'],
  [/\._handle\b/, "a socket's or server's _handle"],
  [/getOwnPropertySymbols\s*\(/, "symbols taken off an object (Node's kBuffer, kSocket...)"],
  [/httpAllowHalfOpen|_httpMessage|_consuming|_readableState|_writableState/, "a private field of node:http's or a stream's objects"],
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx|mjs|js)$/.test(e.name) ? [p] : [];
  });
}

describe('public APIs only', () => {
  const files = ['src', 'services'].flatMap((d) => sources(path.join(root, d)));

  it('finds the code to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('uses no private Node module, binding or field in src/ or services/', () => {
    const found: string[] = [];
    for (const file of files) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [pattern, what] of PRIVATE) if (pattern.test(line)) found.push(`${path.relative(root, file)}:${i + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('would notice one', () => {
    const caught = (line: string) => PRIVATE.some(([p]) => p.test(line));
    expect(caught("const common = createRequire(import.meta.url)('_http_common');")).toBe(true);
    expect(caught("import { HTTPParser } from '_http_common';")).toBe(true);
    expect(caught("const { methods } = require('node:_http_common');")).toBe(true);
    expect(caught('socket._handle.useUserBuffer(buffer);')).toBe(true);
    expect(caught("Object.getOwnPropertySymbols(socket).find((s) => s.description === 'kBuffer');")).toBe(true);
    expect(caught('server.httpAllowHalfOpen = true;')).toBe(true);
  });
});
