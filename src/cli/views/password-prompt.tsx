/** A masked password prompt (ink), for `--user` when HMSOPS_PASSWORD is not set. */
import { useRef, useState } from 'react';
import { render, Text, useApp, useInput } from 'ink';

function Prompt({ label, onDone }: { label: string; onDone: (v: string | null) => void }) {
  const [value, setValue] = useState('');
  const typed = useRef('');
  const { exit } = useApp();
  const update = (v: string) => setValue((typed.current = v));
  const finish = (v: string | null) => {
    onDone(v);
    exit();
  };
  useInput((input, key) => {
    if (key.return) finish(typed.current);
    else if (key.escape || (key.ctrl && input === 'c')) finish(null);
    else if (key.backspace || key.delete) update(typed.current.slice(0, -1));
    else if (input && !key.ctrl && !key.meta) {
      // A pasted password arrives as one chunk, possibly with its Enter.
      const enter = input.search(/[\r\n]/);
      if (enter >= 0) finish(typed.current + input.slice(0, enter));
      else update(typed.current + input);
    }
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
