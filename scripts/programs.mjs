// The programs hmsops starts: the name of each one's bundle (dist/bundle/<name>.js, which
// src/entry-points.ts names) and the module tsc compiled it from (under dist/).
export const PROGRAMS = {
  hmsops: 'src/cli/main.js',
  hmsopsd: 'src/daemon/main.js',
  gateway: 'src/gateway/main.js',
  ...Object.fromEntries(['auth', 'ach', 'analytics', 'messaging', 'mail-sink'].map((s) => [`service-${s}`, `services/${s}/main.js`])),
};
