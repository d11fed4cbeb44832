/**
 * `summit-notes`: the command-line tool over the same core as the extension.
 * Each subcommand is one module in `./commands/` exporting `command: CliCommand` (see `./io.ts`);
 * add it to `COMMANDS` below with one line. A command's module is loaded only when that command
 * runs (the build makes each one its own bundle beside dist/cli.js), so `lint` never loads
 * markdown-it, the brief's renderers, detection or the HTML reader.
 */
import { promises as fs, closeSync, existsSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { EXIT_OK, EXIT_USAGE, FAST_DECODE_BYTES, decodeNotesText, isCliError, NotesBytesCheck, withoutBom, type CliCommand, type CliIo } from './io';

/** A notes file's bytes are checked through a buffer of this many bytes. */
const READ_PIECE = 1 << 20;

/** A subcommand before it is loaded: its name, its line in `--help`, and how to load it. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<CliCommand>;
}

/** Every subcommand, in the order `--help` lists them; each summary matches its module's (a test checks). */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'outline', summary: 'Print the outline: sections, their initiatives, and the figures and actors inside them', load: async () => (await import('./commands/outline')).command },
  { name: 'lint', summary: 'Check notes files and print one line per problem; exit 1 when there are errors', load: async () => (await import('./commands/lint')).command },
  { name: 'figures', summary: 'List the figures with their normalised values (text, JSON or CSV)', load: async () => (await import('./commands/figures')).command },
  { name: 'brief', summary: 'Render the brief of a notes file as HTML, Markdown, JSON or CSV', load: async () => (await import('./commands/brief')).command },
  { name: 'detect', summary: 'List figures not yet annotated and phrases that look like initiatives', load: async () => (await import('./commands/detect')).command },
  { name: 'import', summary: 'Make a new notes file from an article (.txt, .md or .html)', load: async () => (await import('./commands/import')).command },
  { name: 'dossier', summary: 'Follow initiatives and figures across every notes file of a folder (HTML, Markdown, CSV or JSON)', load: async () => (await import('./commands/dossier')).command },
];

/** The real process: stdout, stderr, the file system. */
export const nodeIo: CliIo = {
  out: (text) => { writeStdout(text); },
  err: (text) => { process.stderr.write(text); },
  readFile: async (path) => {
    // fs.readFile on a directory fails with EISDIR on Linux but not everywhere; check first.
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return fs.readFile(path);
  },
  readNotesText: async (path, displayName) => {
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
  },
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

/** Waits `ms` milliseconds without returning to the event loop. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes `text` to standard output (file descriptor `fd`) before returning, waiting while a pipe
 * is full. A command hands its output on piece by piece in one synchronous loop; through
 * `process.stdout`, every piece a slow reader had not taken yet was queued in memory (a 10 MB
 * file's JSON brief piped to another program: 420 MB). A reader that went away (`| head`) ends
 * the process quietly, with success.
 */
export function writeStdout(text: string, fd = 1): void {
  let bytes: Buffer | undefined;
  let done = 0;
  for (;;) {
    try {
      if (bytes === undefined) {
        // The usual case: the whole string in one write, never made a Buffer.
        const written = writeSync(fd, text);
        const length = Buffer.byteLength(text);
        if (written >= length) return;
        bytes = Buffer.from(text);
        done = written;
      } else {
        done += writeSync(fd, bytes, done);
        if (done >= bytes.length) return;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(1);
      else if (code === 'EPIPE') process.exit(EXIT_OK);
      else throw e;
    }
  }
}

/** Runs the tool with the arguments after `node cli.js`; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const entry = topic === undefined ? undefined : COMMANDS.find((c) => c.name === topic);
    io.out(entry ? commandHelp(await entry.load()) : generalHelp());
    // Bare `summit-notes` is a usage error (nothing was asked); `--help` is not.
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    io.out(`${readVersion()}\n`);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`summit-notes: unknown command '${name}'\n\n${generalHelp()}`);
    return EXIT_USAGE;
  }
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(cmd));
    return EXIT_OK;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (isCliError(e)) {
      io.err(`summit-notes ${cmd.name}: ${e.message}\n`);
      return e.exitCode;
    }
    // A bug, not bad input: say so plainly, with the stack for the report.
    io.err(`summit-notes ${cmd.name}: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'summit-notes: read, check and extract summit notes files (*.summit.md)',
    '',
    'usage: summit-notes COMMAND [options] FILE…',
    '',
    'commands:',
    ...lines,
    '',
    'options:',
    '  --help, -h     show help (summit-notes COMMAND --help for one command)',
    '  --version, -v  show the version',
    '',
    'exit codes: 0 ok, 1 problems found (lint errors), 2 usage error or unreadable file',
    '',
  ].join('\n');
}

function commandHelp(cmd: CliCommand): string {
  return `${cmd.summary}\n\nusage: ${cmd.usage}\n`;
}

/** The package version, read at run time so the bundle need not embed package.json. */
function readVersion(): string {
  // dist/cli.js sits one level below the package root, out/src/cli/main.js three.
  for (let dir = __dirname, i = 0; i < 5; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'summit-notes' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // An unreadable package.json further up is not ours; keep looking.
    }
  }
  return 'unknown';
}

/**
 * V8's optimising compiler tuned for a process that runs once and exits: inline less into each
 * optimised function. A command spends much of its run in code not yet optimised, waiting for
 * the compiler's background thread; smaller inlining makes each compilation several times
 * shorter, so the hot loops (the parser, the checks) get their fast code sooner. Set before any
 * command's module is loaded; the flag only bounds inlining (no semantics change). `npm run bench
 * -- cli` measures it.
 */
export const CLI_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=300';

// Run only when executed, not when a test imports `main`.
if (require.main === module) {
  setFlagsFromString(CLI_V8_FLAGS);
  // Standard output is written by writeStdout (which also takes EPIPE, `summit-notes figures f | head`, as success).
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
