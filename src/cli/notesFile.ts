/**
 * The process's own reader of a notes file from the disk (`nodeIo.readNotesText`), in a module of
 * its own so that the dossier's second thread (summaryWorker.ts) reads files exactly as the
 * command's thread does: the same checks, the same decoding, the same 16 MB rule.
 */
import { promises as fs, closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { FAST_DECODE_BYTES, NotesBytesCheck, decodeNotesText, withoutBom } from './io';

/** A notes file's bytes are checked through a buffer of this many bytes. */
const READ_PIECE = 1 << 20;

/** Reads a notes file as text, refused as `decodeNotesText` refuses bytes (see `CliIo.readNotesText`). */
export async function readNotesTextFromDisk(path: string, displayName: string): Promise<string> {
  // A small file is read whole, synchronously: the process has nothing else to do meanwhile,
  // and an asynchronous read goes through the thread pool in 512 KB pieces, each a wait on the
  // event loop (about 15 ms of a 10 MB file's lint spent idle).
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size <= FAST_DECODE_BYTES) return decodeNotesText(readFileSync(fd), displayName);
  } finally {
    closeSync(fd);
  }
  // A larger one: its bytes are checked in pieces through one small buffer; then Node reads the
  // file as text natively (its bytes let go at once, not at a later garbage collection): a 50 MB
  // file's bytes are never held beside its text and the model.
  const file = await fs.open(path, 'r');
  try {
    const check = new NotesBytesCheck(displayName);
    const piece = Buffer.allocUnsafe(READ_PIECE);
    let held = 0;
    for (;;) {
      const { bytesRead } = await file.read(piece, held, piece.length - held, null);
      if (bytesRead === 0) break;
      const length = held + bytesRead;
      const whole = check.add(piece, length);
      piece.copyWithin(0, whole, length);
      held = length - whole;
    }
    check.end(held);
  } finally {
    await file.close();
  }
  return withoutBom(readFileSync(path, 'utf8'));
}
