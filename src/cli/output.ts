/** Terminal output: colours only on a TTY without NO_COLOR, aligned tables, JSON for machines. */
import { formatDuration } from '../duration.js';

export const useColor = (stream: NodeJS.WriteStream = process.stdout) =>
  !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && !process.argv.includes('--no-color') && Boolean(stream.isTTY) && process.env.TERM !== 'dumb';

const sgr = (open: number, close: number) => (s: string) => (useColor() ? `\u001b[${open}m${s}\u001b[${close}m` : s);
export const color = {
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
  magenta: sgr(35, 39),
  cyan: sgr(36, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
};

const palette = [color.cyan, color.magenta, color.blue, color.yellow, color.green];
/** The same name gets the same colour on every run. */
export function colorFor(name: string): (s: string) => string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[h % palette.length]!;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes this strips
const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => visible(r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - visible(c).length))).join('  ');
  return [line(headers.map((h) => color.bold(h))), ...rows.map(line)].join('\n');
}

export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export function stateColor(state: string): string {
  if (state === 'ready' || state === 'passing') return color.green(state);
  if (state === 'starting' || state === 'draining' || state === 'restarting') return color.yellow(state);
  return color.red(state);
}

export const age = (ms: number | null | undefined) => (ms === null || ms === undefined ? '-' : formatDuration(ms));
