/**
 * `summit-notes import FILE [-o OUT]`: a new notes file from an article (`.txt`, `.md`, `.html`).
 * Prints the notes to standard output, or writes OUT (never over FILE, never over an existing
 * file unless `--force`). The original file is only read.
 */
import { extname, resolve } from 'node:path';
import { MAX_HTML_CHARS, htmlTooLargeMessage, importArticle, type ArticleInput } from '../../core/article';
import { CliError, EXIT_OK, decodeNotesText, type CliCommand, type CliIo } from '../io';
import { writeOutputFile } from '../outputFile';

const USAGE = 'summit-notes import FILE [-o OUT] [--force]';

/**
 * Writing is not part of `CliIo` yet (the other commands only read); a test can hand in an io
 * with `writeFile`/`exists`, the real process writes with `writeOutputFile` (outputFile.ts).
 */
export interface WritingIo extends CliIo {
  writeFile?(path: string, text: string): Promise<void>;
  exists?(path: string): Promise<boolean>;
}

export const command: CliCommand = {
  name: 'import',
  summary: 'Make a new notes file from an article (.txt, .md or .html)',
  usage: `${USAGE}\n\n  -o, --output OUT  write the notes to OUT (e.g. article.summit.md) instead of standard output (- for standard output)\n  --force           overwrite OUT when it exists`,
  async run(args, io: WritingIo) {
    const { file, output, force } = readArgs(args);
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? await io.readStdin() : await io.readFile(file);
    } catch (e) {
      throw new CliError(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    }
    const text = decodeNotesText(bytes, file);
    const ext = extname(file).toLowerCase();
    // The HTML reader is its own bundle (dist/articleHtml.js), loaded only for HTML: the other commands start faster without it.
    const html = ext === '.html' || ext === '.htm';
    if (html && text.length > MAX_HTML_CHARS) throw new CliError(`${file}: ${htmlTooLargeMessage(text.length)}`);
    const input: ArticleInput = html
      ? (await import('../../shared/articleHtml')).articleFromHtml(text)
      : { text, markdown: ext === '.md' || ext === '.markdown' };
    const notes = importArticle(input);
    if (output === undefined || output === '-') {
      io.out(notes.text);
      return EXIT_OK;
    }
    if (file !== '-' && resolve(output) === resolve(file)) throw new CliError(`refusing to write over the article itself (${file})`);
    if (io.writeFile) {
      if (!force && io.exists && (await io.exists(output))) throw new CliError(`${output} exists (use --force to overwrite)`);
      try {
        await io.writeFile(output, notes.text);
      } catch (e) {
        throw new CliError(`${output}: cannot write: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      await writeOutputFile(output, notes.text, { force, input: file });
    }
    io.err(`wrote ${output} (${notes.language}${notes.date ? `, ${notes.date}` : ''}${notes.title ? `, “${notes.title}”` : ''})\n`);
    return EXIT_OK;
  },
};

function readArgs(args: readonly string[]): { file: string; output: string | undefined; force: boolean } {
  let output: string | undefined;
  let force = false;
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') {
      if (i + 1 >= args.length) throw new CliError(`${a} needs a file name\nusage: ${USAGE}`);
      output = args[++i];
    } else if (a.startsWith('--output=')) output = a.slice('--output='.length);
    else if (a === '--force') force = true;
    else if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option ${a}\nusage: ${USAGE}`);
    else positionals.push(a);
  }
  if (positionals.length !== 1) throw new CliError(`expected exactly one FILE\nusage: ${USAGE}`);
  return { file: positionals[0], output, force };
}
