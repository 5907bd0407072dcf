/**
 * Where the programs hmsops starts are: dist/bundle/<name>.js, each bundled with what it imports
 * (scripts/bundle.mjs, run by `npm run build` after tsc).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout (or installed package) this code runs from: the nearest folder up with hmsops' package.json. */
export const PACKAGE_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.readFileSync(path.join(dir, 'package.json'), 'utf8').includes('"name": "hmsops"')) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('hmsops: cannot find its package.json');
    dir = up;
  }
  return dir;
})();

const bundle = (name: string) => path.join(PACKAGE_ROOT, 'dist', 'bundle', `${name}.js`);

/** The daemon, hmsopsd. */
export const daemonEntry = (): string => bundle('hmsopsd');

/** A program the daemon runs for a bundled service: the gateway or one of services/. */
export const bundledEntry = (service: string): string => bundle(service === 'gateway' ? 'gateway' : `service-${service}`);
