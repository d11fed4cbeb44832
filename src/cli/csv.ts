/** CSV output of the CLI, apart from `io.ts` so a command that writes no CSV never loads the brief's subsystem. */
import { csvCell } from '../core/brief';

/**
 * One CSV field: quoted as RFC 4180 asks, and a text cell a spreadsheet would run as a formula
 * defused (the core's `csvCell`, the one guard every CSV output uses). Numbers are written as is.
 */
export function csvField(value: string | number | undefined | null): string {
  return csvCell(value, typeof value === 'string');
}

/** One CSV record, CRLF-terminated as RFC 4180 asks (spreadsheets accept it everywhere). */
export function csvRow(fields: readonly (string | number | undefined | null)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
