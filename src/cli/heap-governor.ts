/**
 * Keeps a long disbursement's heap near what it really holds. V8 lets garbage pile up in the old
 * generation until it is a multiple of the live data: a 100,000-recipient run held ~75 MB live but
 * grew its heap past 230 MB. Between batches the governor looks at the heap and collects once it
 * is well past what was live after the last collection.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const MB = 1024 * 1024;

/**
 * Pure: collect once the heap is 1.25x what was live after the last collection, and at least
 * 16 MB more (a million-recipient run: ~8 MB less at its peak than at 1.5x and 24 MB).
 */
export function shouldCollect(heapUsed: number, liveAfterLast: number): boolean {
  return heapUsed > Math.max(liveAfterLast * 1.25, liveAfterLast + 16 * MB);
}

/**
 * Below this (the heap and the buffers outside it together) a collection is not worth its cost: a
 * full collection of a CLI's heap takes ~40 ms, and a grant of a few hundred recipients never
 * holds more than a few MB.
 */
const FLOOR = 64 * MB;

export interface HeapGovernor {
  /** Cheap when nothing is to be done (one heap statistics call); a full collection otherwise. */
  check(): void;
  /**
   * A full collection now, unless the process holds less than FLOOR. The heap's size does not see
   * buffers held outside it: after reading a big grant the reader's buffers (tens of MB) are
   * garbage that only a collection gives back.
   */
  collect(): void;
  collections: number;
}

export function heapGovernor(): HeapGovernor {
  let gc: (() => void) | undefined;
  const stats = () => v8.getHeapStatistics();
  // What the process holds now (its code, the config) is the first baseline: a small run never
  // grows 16 MB past it, so it never pays for a collection.
  let live = stats().used_heap_size;
  /** A full collection, unless the statistics `s` (taken now) say the process holds less than FLOOR. */
  const collectAbove = (s: v8.HeapInfo) => {
    if (s.used_heap_size + s.external_memory < FLOOR) return;
    if (!gc) {
      // The documented flag, set at run time: the same `gc` that `node --expose-gc` would give.
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    }
    gc();
    governor.collections++;
    live = stats().used_heap_size;
  };
  const governor: HeapGovernor = {
    collections: 0,
    check() {
      const s = stats();
      if (shouldCollect(s.used_heap_size, live)) collectAbove(s);
    },
    collect() {
      collectAbove(stats());
    },
  };
  return governor;
}
