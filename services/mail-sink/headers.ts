/** Reads one header from a raw message head: unfolds continuation lines, decodes RFC 2047 words. */
export function headerValue(head: string, name: string): string | null {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const re = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im');
  const m = re.exec(unfolded);
  return m ? decodeWords(m[1]!.trim()) : null;
}

function decodeWords(text: string): string {
  return text.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=\s*/g, (_all, charset: string, enc: string, data: string) => {
    const buf =
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          );
    return /utf-?8/i.test(charset) ? buf.toString('utf8') : buf.toString('latin1');
  });
}
