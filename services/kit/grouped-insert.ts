/**
 * Group commit for rows that must each be stored before their caller answers (a message the
 * mail sink accepts, say): rows that arrive while one write is under way go in together with
 * the next, one transaction for many. Each caller still waits for the commit of its own row.
 * With PostgreSQL every commit waits for the disk; sixteen SMTP connections delivering at once
 * made sixteen commits where one does.
 */
import type { Store } from './store.js';

export function groupedInsert(store: Store, table: string, columns: readonly string[]): (row: readonly unknown[]) => Promise<void> {
  let pending: { row: readonly unknown[]; done: (err?: unknown) => void }[] = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    while (pending.length) {
      const group = pending;
      pending = [];
      try {
        await store.transaction((q) =>
          q.insert(
            table,
            columns,
            group.map((g) => g.row),
          ),
        );
        for (const g of group) g.done();
      } catch (err) {
        for (const g of group) g.done(err);
      }
    }
    writing = false;
  };
  return (row) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ row, done: (err) => (err ? reject(err) : resolve()) });
      if (!writing) setImmediate(() => void (writing ? undefined : flush()));
    });
}
