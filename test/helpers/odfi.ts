/** A fleet config that sends its files to a test sshd standing in for the bank (scripts/sftp-server.mjs). */
import type { startSftp } from '../../scripts/sftp-server.mjs';

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
