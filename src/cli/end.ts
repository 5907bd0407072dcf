/** Commands return a result; the entry point alone prints errors and sets the exit code. */
export interface CommandResult {
  exitCode: number;
}
export const ok: CommandResult = { exitCode: 0 };
export const exitWith = (exitCode: number): CommandResult => ({ exitCode });
