/** A masked password prompt (ink), for `--user` when HMSOPS_PASSWORD is not set. */
import { useState } from 'react';
import { render, Text, useApp, useInput } from 'ink';

function Prompt({ label, onDone }: { label: string; onDone: (v: string | null) => void }) {
  const [value, setValue] = useState('');
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.return) {
      onDone(value);
      exit();
    } else if (key.escape || (key.ctrl && input === 'c')) {
      onDone(null);
      exit();
    } else if (key.backspace || key.delete) setValue((v) => v.slice(0, -1));
    else if (input && !key.ctrl && !key.meta) setValue((v) => v + input);
  });
  return (
    <Text>
      {label}
      {'*'.repeat(value.length)}
    </Text>
  );
}

export async function promptPassword(label: string): Promise<string> {
  let result: string | null = null;
  const app = render(<Prompt label={label} onDone={(v) => (result = v)} />, { exitOnCtrlC: false });
  await app.waitUntilExit();
  if (result === null) throw new Error('cancelled');
  return result;
}
