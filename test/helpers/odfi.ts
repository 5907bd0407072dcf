/** A fleet config that sends its files to a test sshd standing in for the bank (scripts/sftp-server.mjs). */
import { afterAll, beforeAll, expect } from 'vitest';
import { startSftp as startSftpServer, type startSftp } from '../../scripts/sftp-server.mjs';
import { downAll, makeFleet, type TestFleet } from './fleet.js';

/** `odfi`: more keys of ach.odfi, each a line such as `merge: false`. */
export function odfiFleetConfig(sftp: Awaited<ReturnType<typeof startSftp>>, opts: { cutoffs: string[]; timezone: string; ach: string; odfi?: string[] }): string {
  return [
    'version: 1',
    'gateway: { port: 0 }',
    'ach:',
    '  odfi:',
    `    sftp: { url: "${sftp.url}", privateKeyFile: "${sftp.privateKeyFile}", hostKey: "${sftp.hostKey}" }`,
    `    cutoffs: [${opts.cutoffs.map((c) => `"${c}"`).join(', ')}]`,
    `    timezone: ${opts.timezone}`,
    ...(opts.odfi ?? []).map((line) => `    ${line}`),
    'services:',
    '  auth: {}',
    `  ach: ${opts.ach}`,
    '  analytics: {}',
    '  messaging: {}',
    '  mail-sink: {}',
    '',
  ].join('\n');
}

/**
 * A suite's SFTP server standing in for the bank and a fleet sending to it, started before the
 * suite and stopped after (also when it failed): `config` makes the fleet's config from the server.
 */
export function odfiFleet(config: (sftp: Awaited<ReturnType<typeof startSftp>>) => string): { sftp(): Awaited<ReturnType<typeof startSftp>>; fleet(): TestFleet } {
  let sftp: Awaited<ReturnType<typeof startSftp>> | undefined;
  let fleet: TestFleet | undefined;
  beforeAll(async () => {
    sftp = await startSftpServer();
    fleet = makeFleet(config(sftp));
    const up = await fleet.hmsops(['up']);
    expect(up.exitCode, up.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    try {
      await downAll();
    } finally {
      await sftp?.stop();
    }
  });
  return { sftp: () => sftp!, fleet: () => fleet! };
}
