// Reads the VS Code logs of a test run and returns the problems that come from Summit Notes: an
// uncaught exception in a provider, a failed activation, an error written to our own output channel,
// and the warnings VS Code files under our extension id (`[summit-notes.summit-notes] …`: a
// contribution in package.json that points nowhere, an API used against its contract). The runner
// also writes the browser console there (browser-console.log), where the workbench reports broken
// contributions. Problems of other (built-in) extensions are not ours to fail on.
import * as fs from 'fs';
import * as path from 'path';

/** A log entry starts with a timestamp and a level; the lines after it (a stack) belong to it. */
const ENTRY_START = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)? \[(\w+)\]/;
const OURS = /summit[-.]notes|summitNotes/i;
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

/** Problems from Summit Notes in every log under the given folders/files, each prefixed by its file name. */
export function hostLogErrors(...places: string[]): string[] {
  const found: string[] = [];
  for (const file of places.flatMap(logFiles)) {
    const ownChannel = file.split(path.sep).includes(OUR_CHANNEL_FOLDER);
    for (const entry of errorEntries(fs.readFileSync(file, 'utf8'))) {
      if (ownChannel || OURS.test(entry)) found.push(`${path.basename(file)}: ${entry}`);
    }
  }
  return found;
}

/** Whether any log under `logsDir` contains `text` (used to see that queued entries were written). */
export function hostLogContains(logsDir: string, text: string): boolean {
  return logFiles(logsDir).some((file) => fs.readFileSync(file, 'utf8').includes(text));
}
