/**
 * The one error type of hmsops. Deep code (CLI commands, the daemon, the gateway, the services)
 * throws it with a code from the catalog; the HTTP status and the exit code come from there.
 * Only the CLI entry point turns it into a message and an exit code; services and the gateway
 * render it as {"error":{"code","message",...}}.
 */
import { errorCatalog, ExitCode, isErrorCode, type ErrorCode } from './catalog.js';

export { errorCatalog, ExitCode, exitCodeMeaning, isErrorCode, type ApiErrorCode, type ErrorCode, type ErrorSpec, type ExitCodeValue } from './catalog.js';

export interface HmsopsErrorOptions {
  /** Lines printed under the message (the CLI) or sent as `details` (the daemon). */
  details?: string[];
  /** Further fields of the JSON error body (`service`, `retryAfterSeconds`, `fields`...). */
  extra?: Record<string, unknown>;
  /** Headers of the HTTP answer (`retry-after`). */
  headers?: Record<string, string>;
  cause?: unknown;
  /** The status an answer from another process came with (see `passedOn`). */
  status?: number;
}

export class HmsopsError extends Error {
  /** A catalog code; a code from outside it only when passed on as received (see `passedOn`). */
  readonly code: ErrorCode | (string & {});
  /** The HTTP status it is answered with (500 where the catalog has none). */
  readonly status: number;
  readonly exitCode: number;
  readonly details: string[];
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, opts: HmsopsErrorOptions = {}) {
    super(message ?? errorCatalog[code]?.when ?? code, opts.cause === undefined ? undefined : { cause: opts.cause });
    // Only passedOn gives a code outside the catalog: its status travels with it, its exit code is 1.
    const spec = isErrorCode(code) ? errorCatalog[code] : undefined;
    this.name = 'HmsopsError';
    this.code = code;
    this.status = opts.status ?? spec?.status ?? 500;
    this.exitCode = spec?.exit ?? ExitCode.failure;
    this.details = opts.details ?? [];
    this.extra = opts.extra ?? {};
    this.headers = opts.headers ?? {};
  }

  /**
   * An error another process answered with (the daemon, a service through the SDK): its code
   * and status kept as received, the exit code the catalog gives that code (1 outside it).
   */
  static passedOn(code: string, message: string, opts: HmsopsErrorOptions = {}): HmsopsError {
    return new HmsopsError(code as ErrorCode, message, opts);
  }

  /** The JSON body an HTTP answer carries: {"error":{"code","message","details"?,...extra}}. */
  body(more: Record<string, unknown> = {}): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...(this.details.length ? { details: this.details } : {}), ...more, ...this.extra } };
  }
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends HmsopsError {
  constructor(message: string, details: string[] = []) {
    super('USAGE', message, { details });
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
    super('INVALID_INPUT', `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, { details: problems.map(formatProblem) });
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** A failure answered as a value (a batch's item, a ledger outcome): {status, error:{code,message,...}}. */
export type ItemError<C extends ErrorCode, X extends Record<string, unknown> = Record<never, never>> = { status: number; error: { code: C; message: string } & X };

/** An ItemError with the catalog's status for its code. */
export function itemError<C extends ErrorCode, X extends Record<string, unknown> = Record<never, never>>(code: C, message: string, extra?: X): ItemError<C, X> {
  return { status: errorCatalog[code].status ?? 500, error: { code, message, ...(extra as X) } };
}

/** Why a file could not be read, in words (`no such file`) rather than the errno (`ENOENT`). */
export function fileErrorText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a directory, not a file',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  };
  return (code && words[code]) ?? (err as Error)?.message ?? String(err);
}
