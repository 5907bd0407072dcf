// A command whose reader goes away (`| head`) ends quietly: no unhandled EPIPE, no stack trace.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/fleet.js';

describe('a closed pipe', () => {
  it('ends a command whose reader left early quietly, with exit 0', async () => {
    const r = await execa('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${cliPath}" fixtures grant --recipients 20000 | head -3`], {
      reject: false,
      env: { NO_COLOR: '1' },
    });
    expect(String(r.stdout).split('\n')).toHaveLength(3);
    expect(String(r.stderr)).toBe('');
    expect(r.exitCode).toBe(0);
  });
});
