/**
 * The one place core positions and ranges become VS Code's (both are zero-based UTF-16).
 */
import * as vscode from 'vscode';
import type { Position, Range } from '../core';

/** The one place core positions and ranges become VS Code's (both are zero-based UTF-16). */
export function toPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.startPosition), toPosition(range.endPosition));
}

/** A VS Code range for two offsets of `document` (edits computed by the core are offsets). */
export function offsetsToRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
