/**
 * `--lang en|ru`: the language of what a command prints from the notes (diagnostic messages, the
 * brief's headings and labels). Without it, each file speaks its own `language:` front matter.
 */
import { OUTPUT_LANGUAGES, type OutputLanguage } from '../core/text';
import { CliError, type ParsedArgs } from './io';

/** The usage line of the option. */
export const LANG_USAGE = `  --lang L    ${OUTPUT_LANGUAGES.join(' or ')}: the language of the output (default: each file's \`language:\`, else en)`;

/** `--lang ru` → `--lang=ru`, the form `parseArgs` reads; other arguments as they are. */
export function joinLangValue(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang' && i + 1 < args.length && !args[i + 1].startsWith('-')) out.push(`--lang=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

/** The language `--lang` asks for, or undefined (each file's own); a usage error for any other value. */
export function langFlag(parsed: ParsedArgs, usage: string): OutputLanguage | undefined {
  const value = parsed.flags.get('lang');
  if (value === undefined) return undefined;
  const lang = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!(OUTPUT_LANGUAGES as readonly string[]).includes(lang)) throw new CliError(`--lang must be one of ${OUTPUT_LANGUAGES.join(', ')}\nusage: ${usage}`);
  return lang as OutputLanguage;
}
