/**
 * The small contract every `summit-notes` subcommand follows, and the input/output helpers they
 * share. A command is a plain object in `src/cli/commands/<name>.ts`:
 *
 * ```ts
 * export const command: CliCommand = {
 *   name: 'outline',
 *   summary: 'Print the outline of a notes file',
 *   usage: 'summit-notes outline FILE [--json]',
 *   async run(args, io) { … return EXIT_OK; },
 * };
 * ```
 *
 * and one line in the registry of `src/cli/main.ts`. Commands never touch `process` or `fs`
 * directly: everything goes through `CliIo`, so tests can run them with a fake one.
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';


/** Success (for `lint`: no errors; warnings may have been printed). */
export const EXIT_OK = 0;
/** The input has problems (for `lint`: at least one error). */
export const EXIT_PROBLEMS = 1;
/** Usage error, unreadable, binary or non-UTF-8 file. */
export const EXIT_USAGE = 2;

/** What a command may do to the outside world. */
export interface CliIo {
  /** Writes to standard output as is (callers add the newlines). */
  out(text: string): void;
  /** Writes to standard error as is (callers add the newlines). */
  err(text: string): void;
  /** Reads a whole file as bytes; rejects when it cannot (missing, a directory, no permission…). */
  readFile(path: string): Promise<Uint8Array>;
  /** Reads standard input to its end (for the `-` file name). */
  readStdin(): Promise<Uint8Array>;
  /**
   * Reads a notes file as text, refused as {@link decodeNotesText} refuses bytes, without holding
   * its bytes and its text at once beyond the read itself (optional: `readFile` and
   * `decodeNotesText` otherwise).
   */
  readNotesText?(path: string, displayName: string): Promise<string>;
}

/** One `summit-notes` subcommand. */
export interface CliCommand {
  /** The word after `summit-notes` (`outline`, `lint`, …). */
  readonly name: string;
  /** One line for `summit-notes --help`. */
  readonly summary: string;
  /** The synopsis, e.g. `summit-notes lint FILE… [--json]`; more lines may follow for the options. */
  readonly usage: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * Thrown by a command (or the helpers below) for a usage error or an input that cannot be read;
 * `main` prints the message on stderr and exits with `EXIT_USAGE`.
 */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_USAGE) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Whether `e` is a `CliError`, also one thrown by another bundle's copy of the class (each
 * subcommand is its own bundle, with its own `io.ts`), where `instanceof` says no.
 */
export function isCliError(e: unknown): e is CliError {
  return e instanceof CliError || (e instanceof Error && e.name === 'CliError' && typeof (e as { exitCode?: unknown }).exitCode === 'number');
}

/** Command-line arguments split into flags and positionals. */
export interface ParsedArgs {
  /** `--json` → `json: true`; `--format=csv` → `format: 'csv'`. */
  readonly flags: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
}

/**
 * Splits `args` into `--flags` and positionals, rejecting any flag not in `allowed`. A lone `-`
 * is a positional (standard input); everything after `--` is positional.
 */
export function parseArgs(args: readonly string[], allowed: readonly string[], usage: string): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (const arg of args) {
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
    } else if (arg === '--') {
      onlyPositionals = true;
    } else {
      const eq = arg.indexOf('=');
      const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
      if (!allowed.includes(name)) throw new CliError(`unknown option ${arg}\nusage: ${usage}`);
      flags.set(name, eq < 0 ? true : arg.slice(eq + 1));
    }
  }
  return { flags, positionals };
}

/** Throws a usage error when more than one of `names` is set (e.g. `--json` with `--csv`). */
export function exclusiveFlags(parsed: ParsedArgs, names: readonly string[], usage: string): void {
  const set = names.filter((n) => parsed.flags.has(n));
  if (set.length > 1) throw new CliError(`${set.map((n) => `--${n}`).join(' and ')} cannot be combined\nusage: ${usage}`);
}

/** How many leading bytes are checked for NUL when deciding that a file is binary. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * Decodes a notes file: UTF-8, a leading BOM stripped. Refuses (with `CliError`) a file that looks
 * binary (a NUL byte near the start) or is not valid UTF-8, so a stray PDF or UTF-16 export gives
 * a clear message instead of a page of nonsense diagnostics.
 */
export function decodeNotesText(bytes: Uint8Array, displayName: string): string {
  const check = new NotesBytesCheck(displayName);
  check.end(bytes.length - check.add(bytes, bytes.length));
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return withoutBom(bytes.length <= FAST_DECODE_BYTES ? decodeUtf8(buffer) : buffer.toString('utf8'));
}

/** Files up to this size are decoded the fast way (see `decodeUtf8`). */
export const FAST_DECODE_BYTES = 16 << 20;

/**
 * Valid UTF-8 bytes as text, the same string as `bytes.toString('utf8')` (tested). ICU's
 * transcoding to UTF-16 is about three times as fast as Node's UTF-8 decoder on text that is not
 * ASCII (Cyrillic notes), but holds the bytes, their UTF-16 and the string at once: the CLI uses
 * it for files up to FAST_DECODE_BYTES, where that is little (one file, or a folder's files read
 * for the dossier). ASCII is read as Latin-1, which keeps its string one byte per character.
 */
export function decodeUtf8(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    // A Node built without ICU has no transcoding.
    return bytes.toString('utf8');
  }
}

/**
 * The text of a valid UTF-8 file without its byte order mark, and without a second one that
 * survived an earlier re-encoding (U+FEFF encoded twice).
 */
export function withoutBom(text: string): string {
  if (text.charCodeAt(0) !== 0xfeff) return text;
  return text.charCodeAt(1) === 0xfeff ? text.slice(2) : text.slice(1);
}

/**
 * {@link decodeNotesText}'s refusals over a file read in pieces: a NUL byte among the first
 * bytes (binary), bytes that are not UTF-8 (checked vectorised, piece by piece; a character cut
 * by a piece's end is checked with the next piece).
 */
export class NotesBytesCheck {
  private seen = 0;

  constructor(private readonly displayName: string) {}

  /**
   * Checks the next bytes, `bytes[0, length)`; returns how many of them end in a whole
   * character: the rest must come again at the start of the next piece.
   */
  add(bytes: Uint8Array, length: number): number {
    if (this.seen < BINARY_SNIFF_BYTES && bytes.subarray(0, Math.min(length, BINARY_SNIFF_BYTES - this.seen)).includes(0)) {
      throw new CliError(`${this.displayName}: looks like a binary file, not a notes file`);
    }
    const whole = wholeCharactersEnd(bytes, length);
    if (!isUtf8(bytes.subarray(0, whole))) throw new CliError(`${this.displayName}: not valid UTF-8 text`);
    this.seen += whole;
    return whole;
  }

  /** After the last piece: nothing may be left over (`rest` bytes of a cut character). */
  end(rest = 0): void {
    if (rest > 0) throw new CliError(`${this.displayName}: not valid UTF-8 text`);
  }
}

/** Where the last character that `bytes[0, length)` holds whole ends (before a lead byte whose sequence runs past `length`). */
function wholeCharactersEnd(bytes: Uint8Array, length: number): number {
  let i = length - 1;
  // Up to three continuation bytes (10xxxxxx) back to the last lead byte.
  while (i >= 0 && length - i <= 3 && (bytes[i] & 0xc0) === 0x80) i--;
  if (i < 0) return length;
  const lead = bytes[i];
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return length - i >= size ? length : i;
}

/** Reads and decodes one notes file (`-` is standard input); unreadable files become `CliError`. */
export async function readNotesFile(io: CliIo, path: string): Promise<string> {
  const displayName = path === '-' ? '<stdin>' : path;
  if (path !== '-' && io.readNotesText) {
    try {
      return await io.readNotesText(path, displayName);
    } catch (e) {
      if (isCliError(e)) throw e;
      throw new CliError(`${displayName}: cannot read: ${describeReadError(e)}`);
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await io.readStdin() : await io.readFile(path);
  } catch (e) {
    throw new CliError(`${displayName}: cannot read: ${describeReadError(e)}`);
  }
  return decodeNotesText(bytes, displayName);
}

function describeReadError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    default: return e instanceof Error ? e.message : String(e);
  }
}

/** Whether a UTF-16 code unit is a control character a terminal may act on: C0 (line feed only when asked), DEL, C1. */
function isControl(c: number, keepLineFeeds: boolean): boolean {
  return (c < 0x20 && !(keepLineFeeds && c === 10)) || (c >= 0x7f && c <= 0x9f);
}

/**
 * Text from a notes file made safe to print on a terminal: control characters (ESC, the C1 CSI,
 * BEL, DEL, …) become visible `\\xHH` escapes, so a title cannot clear the screen or write the
 * clipboard (OSC 52). Line feeds are kept only with `keepLineFeeds`.
 */
export function terminalText(text: string, keepLineFeeds = false): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isControl(c, keepLineFeeds)) continue;
    out += `${text.slice(run, i)}\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/** Pretty JSON with a trailing newline, the one format every `--json` output uses. */
export function jsonOut(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The sign a qualifier prints as in text output: `more_than` → "> ", `about` → "≈ ", none → "". */
export function qualifierSign(q: string | null | undefined): string {
  switch (q) {
    case 'more_than': return '> ';
    case 'less_than': return '< ';
    case 'about': return '≈ ';
    case 'up_to': return '≤ ';
    case 'at_least': return '≥ ';
    default: return '';
  }
}
