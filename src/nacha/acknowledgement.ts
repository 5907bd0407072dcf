/**
 * A file's acknowledgement by the ODFI: the bank, once it has taken a file in, leaves in its
 * inbound folder a NACHA file with no batches whose file header is the received file's own
 * (immediate destination and origin, creation date and time, file ID modifier). Banks differ in
 * how they acknowledge; this is the form hmsops reads. Pure.
 */
import { BLOCKING_FACTOR, RECORD_LENGTH } from './layout.js';

/** What identifies a file among those sent: its file header's positions 4-34. */
export const fileHeaderKey = (text: string) => text.slice(3, 34);

/** The acknowledgement of a file (what a bank stand-in writes): its header, an empty control, padding. */
export function buildAcknowledgement(receivedText: string): string {
  const header = receivedText.slice(0, RECORD_LENGTH);
  const control = `9${'0'.repeat(6)}${'1'.padStart(6, '0')}${'0'.repeat(8 + 10 + 12 + 12)}${' '.repeat(39)}`;
  const records = [header, control];
  while (records.length % BLOCKING_FACTOR) records.push('9'.repeat(RECORD_LENGTH));
  return `${records.join('\n')}\n`;
}
