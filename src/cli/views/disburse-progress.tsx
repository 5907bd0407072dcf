/** Progress bars for `hmsops disburse` on a terminal (ink). */
import { render, Box, Text } from 'ink';
import type { Progress } from '../../disburse/run.js';

const labels: Record<Progress['phase'], string> = { transfers: 'transfers', analytics: 'analytics', email: 'notices  ', file: 'NACHA    ' };

function Bars({ state }: { state: Partial<Record<Progress['phase'], Progress>> }) {
  return (
    <Box flexDirection="column">
      {(Object.keys(labels) as Progress['phase'][]).map((phase) => {
        const p = state[phase];
        if (!p) return null;
        const width = 30;
        const filled = p.total ? Math.round((p.done / p.total) * width) : width;
        return (
          <Text key={phase}>
            {labels[phase]} <Text color="green">{'█'.repeat(filled)}</Text>
            <Text dimColor>{'░'.repeat(width - filled)}</Text> {p.done}/{p.total}
          </Text>
        );
      })}
    </Box>
  );
}

export function startProgressView(_total: number) {
  const state: Partial<Record<Progress['phase'], Progress>> = {};
  const app = render(<Bars state={state} />, { stdout: process.stderr, exitOnCtrlC: false, patchConsole: false });
  return {
    update: (p: Progress) => {
      state[p.phase] = p;
      app.rerender(<Bars state={{ ...state }} />);
    },
    done: () => app.unmount(),
  };
}
