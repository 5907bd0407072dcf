/**
 * Files an RDFI sent back (returns and notifications of change), imported once each: read by the
 * strict NACHA reader, each return and change matched to its transfer (or prenote) by the
 * original trace number and recorded beside it in one transaction. The same file (by SHA-256) imported again
 * changes nothing and answers what the first import recorded. An entry that matches no transfer
 * is recorded and listed, not dropped.
 */
import crypto from 'node:crypto';
import { fileHeaderKey, readNachaFile, type ReturnOrChange } from '../../src/nacha/index.js';
import { HmsopsError } from '../../src/errors/index.js';
import { type Actor, appendAudit } from '../kit/audit.js';
import type { Queries, Store } from '../kit/store.js';

export type ReturnKind = 'returned' | 'corrected' | 'dishonored';

export interface ReturnRecord {
  line: number;
  kind: ReturnKind;
  code: string;
  description: string;
  originalTrace: string;
  dateOfDeath: string | null;
  correctedData: string | null;
  /** The transfer it answers; null when no transfer of this ledger has that trace number. */
  transferId: string | null;
  /** The prenote it answers (no transfer then, and amountCents 0). */
  prenoteId: string | null;
  grantId: string | null;
  recipientId: string | null;
  amountCents: number | null;
  at: string;
}

export interface InboundImport {
  fileId: string;
  name: string;
  sha256: string;
  /** True when this file had been imported before: nothing was recorded this time. */
  alreadyImported: boolean;
  importedAt: string;
  records: ReturnRecord[];
  /** A file with no batches: the ODFI's acknowledgement of the file sent whose header it carries (fileId null: of none sent). */
  acknowledgement: { fileId: string | null } | null;
}

interface ReturnRow {
  line: number;
  kind: ReturnKind;
  code: string;
  description: string;
  original_trace: string;
  date_of_death: string | null;
  corrected_data: string | null;
  transfer_id: string | null;
  prenote_id: string | null;
  grant_id: string | null;
  recipient_id: string | null;
  amount_cents: number | null;
  at: string;
}

const record = (r: ReturnRow): ReturnRecord => ({
  line: Number(r.line),
  kind: r.kind,
  code: r.code,
  description: r.description,
  originalTrace: r.original_trace,
  dateOfDeath: r.date_of_death,
  correctedData: r.corrected_data,
  transferId: r.transfer_id,
  prenoteId: r.prenote_id,
  grantId: r.grant_id,
  recipientId: r.recipient_id,
  amountCents: r.amount_cents === null ? null : Number(r.amount_cents),
  at: r.at,
});

// A prenote's return has no transfer: its grant and recipient are the prenote's, its amount 0.
const SELECT_RETURNS = `SELECT r.line, r.kind, r.code, r.description, r.original_trace, r.date_of_death, r.corrected_data, r.transfer_id, r.prenote_id, r.at,
       COALESCE(t.grant_id, p.grant_id) AS grant_id, COALESCE(t.recipient_id, p.recipient_id) AS recipient_id,
       CASE WHEN p.id IS NOT NULL THEN 0 ELSE t.amount_cents END AS amount_cents
  FROM returns r LEFT JOIN transfers t ON t.id = r.transfer_id LEFT JOIN prenotes p ON p.id = r.prenote_id`;

const kindOf = (x: ReturnOrChange): ReturnKind => (x.kind === 'change' ? 'corrected' : x.dishonored ? 'dishonored' : 'returned');

export class InboundFiles {
  constructor(private readonly db: Store) {}

  async import(name: string, text: string, actor: Actor): Promise<InboundImport> {
    const read = readNachaFile(text, { keepEntries: false });
    if (!read.ok)
      throw new HmsopsError('INVALID_NACHA_FILE', `${name} is not a valid NACHA file`, { details: read.problems.map((p) => `line ${p.line}: ${p.message} (rule: ${p.rule})`) });
    const sha256 = crypto.createHash('sha256').update(text, 'latin1').digest('hex');
    const earlier = await this.#bySha(this.db, sha256);
    if (earlier) return earlier;
    const fileId = `in_${crypto.randomUUID()}`;
    const at = new Date().toISOString();
    return this.db.transaction(async (q) => {
      const { inserted } = await q.insert('inbound_files', ['id', 'name', 'sha256', 'entries', 'imported_at'], [[fileId, name, sha256, read.summary.entries, at]], {
        conflict: 'ON CONFLICT (sha256) DO NOTHING',
      });
      // Another request imported the same file a moment ago: its record is the answer.
      if (!inserted) return (await this.#bySha(q, sha256))!;
      if (read.summary.batches === 0) {
        const acknowledgement = await this.#acknowledge(q, fileId, text, at);
        await appendAudit(q, actor, [{ action: 'file.acknowledged', detail: { inboundFileId: fileId, name, sha256, acknowledges: acknowledgement.fileId } }]);
        return { fileId, name, sha256, alreadyImported: false, importedAt: at, records: [], acknowledgement };
      }
      const traces = [...new Set(read.returns.map((x) => x.originalTrace))];
      const transfers = traces.length ? await q.all<{ id: string; trace_number: string }>(`SELECT id, trace_number FROM transfers WHERE ${q.in('trace_number')}`, [traces]) : [];
      const byTrace = new Map(transfers.map((t) => [t.trace_number, t.id]));
      const rest = traces.filter((t) => !byTrace.has(t));
      const prenotes = rest.length ? await q.all<{ id: string; trace_number: string }>(`SELECT id, trace_number FROM prenotes WHERE ${q.in('trace_number')}`, [rest]) : [];
      const prenoteByTrace = new Map(prenotes.map((p) => [p.trace_number, p.id]));
      if (read.returns.length)
        await q.insert(
          'returns',
          ['inbound_file_id', 'line', 'kind', 'code', 'description', 'original_trace', 'transfer_id', 'prenote_id', 'date_of_death', 'corrected_data', 'at'],
          read.returns.map((x) => [
            fileId,
            x.line,
            kindOf(x),
            x.code,
            x.description,
            x.originalTrace,
            byTrace.get(x.originalTrace) ?? null,
            prenoteByTrace.get(x.originalTrace) ?? null,
            x.kind === 'return' ? (x.dateOfDeath ?? null) : null,
            x.kind === 'change' ? x.correctedData : null,
            at,
          ]),
        );
      const records = await this.#records(q, fileId);
      const count = (kind: ReturnKind) => records.filter((r) => r.kind === kind).length;
      await appendAudit(q, actor, [
        {
          action: 'returns.imported',
          detail: {
            inboundFileId: fileId,
            name,
            sha256,
            returned: count('returned'),
            corrected: count('corrected'),
            dishonored: count('dishonored'),
            unmatched: records.filter((r) => !r.transferId && !r.prenoteId).length,
          },
        },
      ]);
      return { fileId, name, sha256, alreadyImported: false, importedAt: at, records, acknowledgement: null };
    });
  }

  /** Every return and change recorded for a grant's transfers and prenotes, oldest first. */
  async forGrant(grantId: string): Promise<ReturnRecord[]> {
    return (await this.db.all<ReturnRow>(`${SELECT_RETURNS} WHERE t.grant_id = ? OR p.grant_id = ? ORDER BY r.seq`, [grantId, grantId])).map(record);
  }

  /** Every return and change recorded since an instant, newest first. */
  async since(at: string): Promise<ReturnRecord[]> {
    return (await this.db.all<ReturnRow>(`${SELECT_RETURNS} WHERE r.at >= ? ORDER BY r.seq DESC`, [at])).map(record);
  }

  async #records(q: Queries, fileId: string): Promise<ReturnRecord[]> {
    return (await q.all<ReturnRow>(`${SELECT_RETURNS} WHERE r.inbound_file_id = ? ORDER BY r.line`, [fileId])).map(record);
  }

  /**
   * The file whose header this acknowledgement carries, marked acknowledged: also one whose send
   * was not recorded (a crash after the upload), which is then never sent again, even when the
   * bank has taken it out of its folder.
   */
  async #acknowledge(q: Queries, inboundId: string, text: string, at: string): Promise<{ fileId: string | null }> {
    const key = fileHeaderKey(text);
    // With merging, the bank got uploads (a cut file's header may read the same: the upload is what was sent);
    // each of the cut files an upload holds is acknowledged with it.
    const upload = await q.get<{ id: string }>('SELECT id FROM uploads WHERE header_key = ? ORDER BY created_at DESC', [key]);
    const sent = upload ? undefined : await q.get<{ id: string }>('SELECT id FROM files WHERE header_key = ? ORDER BY created_at DESC', [key]);
    const files = upload
      ? (await q.all<{ file_id: string }>('SELECT file_id FROM upload_files WHERE upload_id = ? AND live = 1', [upload.id])).map((r) => r.file_id)
      : sent
        ? [sent.id]
        : [];
    if (files.length)
      await q.insert(
        'file_acks',
        ['file_id', 'inbound_file_id', 'acknowledged_at'],
        files.map((f) => [f, inboundId, at]),
        { conflict: 'ON CONFLICT (file_id) DO NOTHING' },
      );
    return { fileId: upload?.id ?? sent?.id ?? null };
  }

  async #bySha(q: Queries, sha256: string): Promise<InboundImport | undefined> {
    const f = await q.get<{ id: string; name: string; imported_at: string; entries: number }>('SELECT id, name, imported_at, entries FROM inbound_files WHERE sha256 = ?', [
      sha256,
    ]);
    if (!f) return undefined;
    const records = await this.#records(q, f.id);
    // An earlier acknowledgement: a file without entries (so without records), with the file it named (if any).
    const isAck = Number(f.entries) === 0;
    const ack = isAck ? await q.get<{ file_id: string }>('SELECT file_id FROM file_acks WHERE inbound_file_id = ?', [f.id]) : undefined;
    return {
      fileId: f.id,
      name: f.name,
      sha256,
      alreadyImported: true,
      importedAt: f.imported_at,
      records,
      acknowledgement: isAck ? { fileId: ack?.file_id ?? null } : null,
    };
  }
}
