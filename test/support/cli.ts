/** Runs the CLI on one in-memory notes file (read as the file argument or from standard input). */
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

export async function runCliOn(args: string[], text: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    readFile: async () => new TextEncoder().encode(text),
    readStdin: async () => new TextEncoder().encode(text),
  };
  const code = await main(args, io);
  return { code, out, err };
}
