/**
 * Writing an output file (`brief -o`, `import -o`) so that nothing is lost: the text goes to a
 * temporary file beside the target, which is then renamed into place, so an interrupted write
 * (a full disk, a file-size limit, `kill -9`) leaves the old file whole and no cut one. A link at
 * the output path is replaced, never written through; the output is never the input, compared by
 * identity (device and inode), not by name, so a symlink or a hard link to the notes file is
 * refused. Without `force`, an existing path (a dangling symlink too) is refused in the same
 * step that puts the new file in place (a hard link, which fails when the name exists): there is
 * no gap between a check and the write for another writer to use.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CliError } from './io';

/** Bytes gathered before a write. */
const WRITE_BATCH_BYTES = 1 << 20;

export interface OutputOptions {
  /** Replace the output when it exists. */
  readonly force: boolean;
  /** The file the output was made from (`-` for standard input): never written over. */
  readonly input?: string;
}

/**
 * Writes `chunks` (a string, or pieces of one) to `path` as described above. Errors become
 * `CliError`s naming the path.
 */
export async function writeOutputFile(path: string, chunks: string | Iterable<string>, options: OutputOptions): Promise<void> {
  await refuseInput(path, options.input);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temporary, 'wx', 0o666);
    // Pieces are encoded as they come and written about a megabyte at a time (one `writev`): a
    // write per piece waited on the thread pool some 40,000 times for a 700 MB dossier.
    let batch: Buffer[] = [];
    let bytes = 0;
    for (const chunk of typeof chunks === 'string' ? [chunks] : chunks) {
      const encoded = Buffer.from(chunk, 'utf8');
      batch.push(encoded);
      bytes += encoded.length;
      if (bytes >= WRITE_BATCH_BYTES) {
        await writeAll(handle, batch, bytes);
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length) await writeAll(handle, batch, bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // Checked again just before the swap: the input cannot have been linked there meanwhile unnoticed for long.
    await refuseInput(path, options.input);
    if (options.force) await fs.rename(temporary, path);
    else await linkExclusive(temporary, path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temporary).catch(() => undefined);
    if (e instanceof CliError) throw e;
    if (errorCode(e) === 'EEXIST') throw new CliError(`${path}: already exists (use --force to overwrite)`);
    throw new CliError(`${path}: cannot write: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Writes every byte of `batch` (`bytes` in all): a short write (a disk nearly full) goes on with the rest, until it fails. */
async function writeAll(handle: fs.FileHandle, batch: Buffer[], bytes: number): Promise<void> {
  let done = (await handle.writev(batch)).bytesWritten;
  if (done === bytes) return;
  const rest = Buffer.concat(batch, bytes);
  while (done < bytes) {
    const written = (await handle.write(rest, done, bytes - done)).bytesWritten;
    if (written === 0) throw Object.assign(new Error('no space left to write'), { code: 'ENOSPC' });
    done += written;
  }
}

/** Puts `temporary` in place at `path` unless something (a dangling link included) is there: one atomic step. */
async function linkExclusive(temporary: string, path: string): Promise<void> {
  try {
    await fs.link(temporary, path);
  } catch (e) {
    const code = errorCode(e);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    // A file system without hard links: the best left is a check right before the rename.
    if (await exists(path)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await fs.rename(temporary, path);
    return;
  }
  await fs.unlink(temporary);
}

/** Refuses when `path` (followed through links) is the same file as `input`. */
async function refuseInput(path: string, input: string | undefined): Promise<void> {
  if (input === undefined || input === '-') return;
  const [a, b] = await Promise.all([fs.stat(path).catch(() => undefined), fs.stat(input).catch(() => undefined)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino) throw new CliError(`${path}: refusing to write over the input file itself (${input})`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}
