// Reads the VS Code logs of a test run and returns the problems that come from Summit Notes: an
// uncaught exception in a provider, a failed activation, an error written to our own output channel,
// and the warnings VS Code files under our extension id (`[summit-notes.summit-notes] …`: a
// contribution in package.json that points nowhere, an API used against its contract). The runner
// also writes the browser console there (browser-console.log), where the workbench reports broken
// contributions. Problems of other (built-in) extensions, and of VS Code itself, are not ours to
// fail on, even when a stack frame's path happens to contain our name (the test host is installed
// under a cache folder named after the project): paths are judged by where they point, words by
// what they say.
import * as fs from 'fs';
import * as path from 'path';

/** A log entry starts with a timestamp and a level; the lines after it (a stack) belong to it. */
const ENTRY_START = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)? \[(\w+)\]/;
const OURS = /summit[-.]notes|summitNotes/i;
/** A file path or URL in a log line (a stack frame, a module, a lock file). */
const PATH = /(?:file:\/\/|[A-Za-z]:)?[\\/][^\s()'"`,]+/g;
const OUR_ID = 'summit-notes.summit-notes';
const OUR_CHANNEL_FOLDER = OUR_ID;

function logFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...logFiles(p));
    else if (entry.name.endsWith('.log')) out.push(p);
  }
  return out;
}

function errorEntries(text: string): string[] {
  const entries: { level: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const start = ENTRY_START.exec(line);
    if (start) entries.push({ level: start[1].toLowerCase(), lines: [line] });
    else entries.at(-1)?.lines.push(line);
  }
  return entries
    .filter((e) => e.level === 'error' || (e.level.startsWith('warn') && e.lines[0].includes(`[${OUR_ID}]`)))
    .map((e) => e.lines.join('\n').trimEnd());
}

/**
 * Whether a log entry is ours: a path in it points into our extension (`extensionRoot`, its
 * bundle or sources), or its words, paths left out, name us (`[summit-notes.summit-notes]`,
 * `summitNotes.…` settings and commands).
 */
export function isOurEntry(entry: string, extensionRoot?: string): boolean {
  const root = extensionRoot ? path.resolve(extensionRoot).replace(/\\/g, '/') + '/' : undefined;
  let pointsIntoUs = false;
  const words = entry.replace(PATH, (p) => {
    const file = decodeUri(p.replace(/\\/g, '/'));
    const at = root ? file.indexOf(root) : -1;
    if (root && at >= 0 && !file.slice(at + root.length).split('/').includes('node_modules')) pointsIntoUs = true;
    return ' ';
  });
  return pointsIntoUs || OURS.test(words);
}

function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Problems from Summit Notes in every log under the given folders/files, each prefixed by its file name. */
export function hostLogErrors(extensionRoot: string | undefined, ...places: string[]): string[] {
  const found: string[] = [];
  for (const file of places.flatMap(logFiles)) {
    const ownChannel = file.split(path.sep).includes(OUR_CHANNEL_FOLDER);
    for (const entry of errorEntries(fs.readFileSync(file, 'utf8'))) {
      if (ownChannel || isOurEntry(entry, extensionRoot)) found.push(`${path.basename(file)}: ${entry}`);
    }
  }
  return found;
}

/** Whether any log under `logsDir` contains `text` (used to see that queued entries were written). */
export function hostLogContains(logsDir: string, text: string): boolean {
  return logFiles(logsDir).some((file) => fs.readFileSync(file, 'utf8').includes(text));
}
