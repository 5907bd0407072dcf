/**
 * Row ids that sort by creation time: 32 hex digits laid out as a UUIDv7 (RFC 9562: 48 bits of
 * Unix milliseconds, the version, a 12-bit counter within the millisecond, the variant, 62 random
 * bits). A random id lands on a random page of its UNIQUE index: 50,000 transfer rows took ~41 us
 * a row to write in SQLite, ~25 us with ids that go in at the index's end.
 * Unguessable still: 62 random bits; nothing is authorized by knowing an id.
 */
import crypto from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function orderedId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next one, keeping the order.
    lastMs++;
    counter = 0;
  }
  ms = lastMs;
  const random = crypto.randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx
  return `${ms.toString(16).padStart(12, '0')}7${counter.toString(16).padStart(3, '0')}${random.slice(19, 23)}${random.slice(24)}`;
}
