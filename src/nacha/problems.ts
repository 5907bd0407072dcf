/** A broken rule in a NACHA file: the line it is on (or would be, for the writer), the rule's name, and what is wrong. */
export interface NachaProblem {
  line: number;
  rule: string;
  message: string;
}

export const formatNachaProblem = (p: NachaProblem) => `line ${p.line}: ${p.message} (rule: ${p.rule})`;
/** A problem where an editor and a terminal find it: `FILE:LINE: message (rule: ...)`. */
export const nachaProblemAt = (file: string, p: NachaProblem) => `${file}:${p.line}: ${p.message} (rule: ${p.rule})`;
