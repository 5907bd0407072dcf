/**
 * The raw RFC 5322 text of the common email: ASCII headers and an ASCII plain-text body with
 * short lines, which needs no MIME encoding at all. Handing nodemailer the finished text skips
 * its MIME builder, a good part of messaging's CPU per notice (docs/benchmarks.md). Anything
 * else (HTML, non-ASCII, long lines) returns undefined and goes through nodemailer's builder.
 */

export interface PlainEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  date: Date;
}

// Printable ASCII and tab: no encoded words needed, nothing that could end a header early.
const HEADER_SAFE = /^[\x20-\x7e\t]*$/;
const BODY_SAFE = /^[\x20-\x7e\t\r\n]*$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time in UTC: `Tue, 24 Nov 2026 16:35:22 +0000`. */
export const rfc5322Date = (d: Date) =>
  `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;

export function plainMessage(e: PlainEmail): string | undefined {
  for (const h of [e.from, e.to, e.subject, e.messageId]) if (!HEADER_SAFE.test(h) || h.length > 900) return undefined;
  if (!BODY_SAFE.test(e.text)) return undefined;
  const lines = e.text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.some((l) => l.length > 998)) return undefined;
  const head = [
    `From: ${e.from}`,
    `To: ${e.to}`,
    `Subject: ${e.subject}`,
    `Message-ID: ${e.messageId}`,
    `Date: ${rfc5322Date(e.date)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
  ];
  // SMTP's dot-stuffing is nodemailer's job (it escapes raw messages too).
  return `${head.join('\r\n')}\r\n\r\n${lines.join('\r\n')}\r\n`;
}

/** The address part of `Name <addr>` (or the whole thing), for the SMTP envelope. */
export function envelopeAddress(from: string): string {
  const m = /<([^<>]+)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim();
}
