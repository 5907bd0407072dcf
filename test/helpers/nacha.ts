/** A NACHA file's text from batches, with the file header the tests share (FED <- DOL, a fixed date). */
import { type BatchInput, buildNachaFile, serializeNachaFile } from '../../src/nacha/index.js';

export function nachaText(batches: BatchInput[], createdAt = new Date('2026-11-24T13:00:00Z')): string {
  return serializeNachaFile(
    buildNachaFile({ immediateDestination: '021000021', immediateDestinationName: 'FED', immediateOrigin: '1234567890', immediateOriginName: 'DOL', createdAt, batches }),
  );
}
