/** The live `ps --watch` view (ink). Loaded only for interactive use, never for --json. */
import { useEffect, useState } from 'react';
import { render, Box, Text, useApp, useInput } from 'ink';
import type { InstanceView } from '../../control/api.js';
import type { CliContext } from '../context.js';
import { renderInstances } from './instances.js';

function Watch({ ctx }: { ctx: CliContext }) {
  const [instances, setInstances] = useState<InstanceView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  useEffect(() => {
    let alive = true;
    const tick = async () => {
      try {
        const r = await ctx.client.call('GET /v1/instances');
        if (alive) {
          setInstances(r.instances);
          setError(null);
        }
      } catch (err) {
        if (alive) setError((err as Error).message);
      }
    };
    void tick();
    const t = setInterval(tick, 500);
    return () => {
      alive = false;
      clearInterval(t);
    };
  }, [ctx]);
  return (
    <Box flexDirection="column">
      <Text>{renderInstances(instances)}</Text>
      {error ? <Text color="red">{error}</Text> : null}
      <Text dimColor>refreshing every 0.5s; q or Ctrl-C to quit</Text>
    </Box>
  );
}

export async function watchInstances(ctx: CliContext): Promise<void> {
  const app = render(<Watch ctx={ctx} />);
  await app.waitUntilExit();
}
