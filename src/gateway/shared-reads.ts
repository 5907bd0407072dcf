/**
 * Reads of accepted sockets into one buffer shared by a server's connections: the one place the
 * gateway sets Node's private socket fields. Falls back to 'data' events where they differ.
 */
import type net from 'node:net';

/**
 * Has an accepted socket read into `buffer` (shared by the server's connections) and hand each
 * read to `onRead`, as the documented `onread` option of `net.connect` and `new net.Socket` does
 * (the upstream pool uses it): no 64 KiB allocation and no stream machinery per read, ~1.5 us of
 * CPU per request (docs/benchmarks.md). Node 20 has no such option for the sockets a server
 * accepts, so this sets on the socket what that option sets (the `kBuffer` and `kBufferCb`
 * symbols, then the handle's `useUserBuffer`); pause, resume, 'end' and 'close' work as with
 * `onread`. False, changing nothing, where a Node does not have them: the caller then listens for
 * 'data'. A test checks that this Node has them.
 */
export function readIntoShared(socket: net.Socket, buffer: Buffer, onRead: (lent: Buffer) => void): boolean {
  const symbols = Object.getOwnPropertySymbols(socket);
  const kBuffer = symbols.find((s) => s.description === 'kBuffer');
  const kBufferCb = symbols.find((s) => s.description === 'kBufferCb');
  const handle = (socket as unknown as { _handle?: { useUserBuffer?: (b: Uint8Array) => void } })._handle;
  if (!kBuffer || !kBufferCb || typeof handle?.useUserBuffer !== 'function') return false;
  const slots = socket as unknown as Record<symbol, unknown>;
  if (slots[kBuffer] !== null || slots[kBufferCb] !== null) return false;
  slots[kBuffer] = buffer;
  slots[kBufferCb] = (n: number, buf: Buffer) => {
    onRead(buf.subarray(0, n));
    return true;
  };
  handle.useUserBuffer(buffer);
  return true;
}
