/**
 * JSON shapes shared by the `--json` outputs (documented in docs/CLI.md). Lines and columns are
 * 1-based as in every terminal tool; columns count UTF-16 code units, as VS Code does, so an
 * editor's problem matcher lands on the right character.
 */
import type { Range } from '../core/text';

/** A range as the CLI prints it. */
export interface RangeJson {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** UTF-16 offsets into the file's text (BOM removed), `end` exclusive. */
  readonly startOffset: number;
  readonly endOffset: number;
}

export function rangeJson(range: Range): RangeJson {
  return {
    startLine: range.startPosition.line + 1,
    startColumn: range.startPosition.character + 1,
    endLine: range.endPosition.line + 1,
    endColumn: range.endPosition.character + 1,
    startOffset: range.start,
    endOffset: range.end,
  };
}

/** `line:col` (1-based) of a range's start, for the text outputs. */
export function lineCol(range: Range): string {
  return `${range.startPosition.line + 1}:${range.startPosition.character + 1}`;
}
