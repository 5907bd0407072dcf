/** What NACHA records can carry: upper-case printable ASCII. Names are folded to it. */
export function foldToNacha(text: string): string {
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
  const stripped = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return [...new Set([...stripped].filter((ch) => !/[\x20-\x7e]/.test(ch)))];
}
