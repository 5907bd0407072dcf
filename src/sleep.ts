/** The one sleep: resolves after `ms` (the timer keeps the process alive meanwhile). */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
