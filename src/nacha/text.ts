const PRINTABLE = /^[\x20-\x7e]*$/;

/** What NACHA records can carry: upper-case printable ASCII. Names are folded to it. */
export function foldToNacha(text: string): string {
  // Most names are printable ASCII already: nothing to normalize or strip (a million names a run).
  if (PRINTABLE.test(text)) return (text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text).toUpperCase().trim();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "José" -> "Jose"
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Characters that would still be wrong after folding (control characters, non-Latin scripts). */
export function unfoldableCharacters(text: string): string[] {
  if (PRINTABLE.test(text)) return [];
  const stripped = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return [...new Set([...stripped].filter((ch) => !/[\x20-\x7e]/.test(ch)))];
}

/** The NACHA fields that carry names, and their widths. */
export const NACHA_NAME_WIDTH = { individualName: 22, companyName: 16 } as const;
/** The longest recipient name the ledger keeps (the NACHA record carries its first 22 characters). */
export const RECIPIENT_NAME_MAX = 100;

/**
 * What is wrong with a name a NACHA record must carry, or undefined: characters it cannot carry
 * (control characters, non-Latin scripts), or nothing left once folded. One rule for the grant
 * reader and the ACH service.
 */
export function nachaNameProblem(name: string): string | undefined {
  const bad = unfoldableCharacters(name);
  if (bad.length) return `has characters NACHA cannot carry: ${bad.map((c) => JSON.stringify(c)).join(' ')}`;
  const folded = foldToNacha(name);
  if (folded === '') return 'has nothing NACHA can carry once folded to upper-case ASCII';
  // A name field of zeros is an empty one to NACHA (and to the strict reader).
  if (/^[0 ]+$/.test(folded)) return 'is all zeros, which NACHA takes for an empty name';
  return undefined;
}

/**
 * A name as a NACHA field carries it: folded, then cut to the field's width, as payment platforms
 * and moov-io/ach do (the Individual Name is informational for the receiving bank). Everything
 * else in the program keeps the full name.
 */
export function nachaFieldText(name: string, width: number): string {
  return foldToNacha(name).slice(0, width).trimEnd();
}
