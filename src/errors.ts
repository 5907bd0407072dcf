/**
 * Typed errors with stable codes. Deep code throws these; only the CLI entry point turns
 * them into messages and exit codes (see README, "Exit codes").
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  notReady: 3,
  daemonUnreachable: 4,
  internal: 70,
} as const;

export class HmsopsError extends Error {
  readonly code: string;
  readonly exitCode: number;
  readonly details: string[];
  constructor(code: string, message: string, opts: { exitCode?: number; details?: string[]; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HmsopsError';
    this.code = code;
    this.exitCode = opts.exitCode ?? ExitCode.failure;
    this.details = opts.details ?? [];
  }
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends HmsopsError {
  constructor(message: string, details: string[] = []) {
    super('USAGE', message, { exitCode: ExitCode.usage, details });
    this.name = 'UsageError';
  }
}

/** One problem found in a file, with where it is. */
export interface SourceProblem {
  file: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
}

export function formatProblem(p: SourceProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** A config or input file that does not validate: exit code 2, every problem listed. */
export class ValidationError extends HmsopsError {
  readonly problems: SourceProblem[];
  constructor(what: string, problems: SourceProblem[]) {
    super('INVALID_INPUT', `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, {
      exitCode: ExitCode.usage,
      details: problems.map(formatProblem),
    });
    this.name = 'ValidationError';
    this.problems = problems;
  }
}
