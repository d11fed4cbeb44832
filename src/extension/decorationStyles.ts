/**
 * The highlighting's decoration types: one per style of the text and one per overview-ruler lane,
 * coloured by the theme colours `summitNotes.*` (package.json `colors`), created once for the
 * extension's lifetime.
 */
import * as vscode from 'vscode';
import type { HighlightStyle, RulerLane } from '../core';

function color(id: string): vscode.ThemeColor {
  return new vscode.ThemeColor(`summitNotes.${id}`);
}

/** The decoration types of the text, created once for the extension's lifetime. */
export function createStyles(): Record<HighlightStyle, vscode.TextEditorDecorationType> {
  const initiative: vscode.DecorationRenderOptions = {
    backgroundColor: color('initiativeBackground'),
    borderColor: color('initiativeBorder'),
    borderRadius: '3px',
  };
  return {
    // Proposed or supported: a dashed outline, still open.
    initiativeOpen: vscode.window.createTextEditorDecorationType({ ...initiative, borderWidth: '1px', borderStyle: 'dashed' }),
    // Agreed, launched, done: a solid outline.
    initiativeSettled: vscode.window.createTextEditorDecorationType({ ...initiative, borderWidth: '1px', borderStyle: 'solid' }),
    initiativeRejected: vscode.window.createTextEditorDecorationType({ ...initiative, textDecoration: 'line-through', opacity: '0.75' }),
    figure: vscode.window.createTextEditorDecorationType({
      backgroundColor: color('figureBackground'),
      borderColor: color('figureBorder'),
      borderWidth: '0 0 2px 0',
      borderStyle: 'solid',
    }),
    actor: vscode.window.createTextEditorDecorationType({
      backgroundColor: color('actorBackground'),
      borderColor: color('actorBorder'),
      borderWidth: '0 0 1px 0',
      borderStyle: 'dotted',
    }),
    // The `{…}` blocks step back so the text reads first.
    attributes: vscode.window.createTextEditorDecorationType({ opacity: '0.6' }),
  };
}

/**
 * The overview ruler marks, one type per kind, separate from the text's types: the text is
 * painted near the visible lines only, the ruler for the whole file.
 */
export function createRulerStyles(): Record<RulerLane, vscode.TextEditorDecorationType> {
  const lane = (colorId: string, where: vscode.OverviewRulerLane): vscode.TextEditorDecorationType =>
    vscode.window.createTextEditorDecorationType({ overviewRulerColor: color(colorId), overviewRulerLane: where, isWholeLine: true });
  return {
    initiative: lane('initiativeBorder', vscode.OverviewRulerLane.Right),
    figure: lane('figureBorder', vscode.OverviewRulerLane.Center),
    actor: lane('actorBorder', vscode.OverviewRulerLane.Left),
  };
}

