/**
 * The brief preview's commands: open it here, to the side or following the active notes file;
 * toggle following; show an annotation in the brief.
 */
import * as vscode from 'vscode';
import { testHooks } from './testHooks';
import type { BriefInspection } from '../shared/previewMessages';
import type { BriefTiming } from './briefPreview';
import { BriefPreviewManager, type ShowInBriefArgs } from './briefPreviewManager';
import { isNotesDocument, type NotesModelCache } from './modelCache';

/**
 * The brief preview's commands: open (here / to the side / following the active notes file),
 * toggle following, show an annotation in the brief. Three test hooks (testHooks.ts) serve the
 * integration tests: wait for a rendered version, inspect the webview, the timing of an update.
 */
export function registerBriefPreview(extensionUri: vscode.Uri, models: NotesModelCache): vscode.Disposable {
  const manager = new BriefPreviewManager(extensionUri, models);

  const target = (uri: unknown): vscode.Uri | undefined => {
    if (uri instanceof vscode.Uri) return uri;
    const editor = vscode.window.activeTextEditor;
    if (editor && isNotesDocument(editor.document)) return editor.document.uri;
    return manager.active?.resource;
  };
  const open = (toSide: boolean, follows: boolean) => (uri?: unknown) => {
    const resource = target(uri);
    if (!resource) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a notes file (*.summit.md) to see its brief.'));
      return;
    }
    manager.open(resource, { toSide, follows });
  };

  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand('summitNotes.openBrief', open(false, false)),
    vscode.commands.registerCommand('summitNotes.openBriefToSide', open(true, false)),
    vscode.commands.registerCommand('summitNotes.openLockedBrief', open(true, true)),
    vscode.commands.registerCommand('summitNotes.toggleBriefLock', () => {
      const preview = manager.active;
      if (!preview) return;
      preview.setFollows(!preview.follows);
      void vscode.commands.executeCommand('setContext', 'summitNotes.briefFollows', preview.follows);
    }),
    vscode.commands.registerCommand('summitNotes.showInBrief', async (args: ShowInBriefArgs | vscode.Uri, id?: string) => {
      // Accepts `{ uri, id?, offset? }` (command links) or `(uri, id)` positional arguments.
      const normalised: ShowInBriefArgs | undefined = args instanceof vscode.Uri ? { uri: args, id } : args;
      if (!normalised?.uri) return;
      try {
        await manager.showIn(normalised);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Show in Brief: {0}', e instanceof Error ? e.message : String(e)));
      }
    }),
    testHooks.provide('waitForBrief', (uri: string, minVersion: number, timeoutMs = 10000) =>
      waitForRender(manager, uri, minVersion, timeoutMs)),
    testHooks.provide('inspectBrief', async (uri: string): Promise<BriefInspection | undefined> => {
      const preview = manager.all().find((p) => p.resource.toString() === uri);
      return preview?.inspect();
    }),
    testHooks.provide('briefTiming', (uri: string, version: number): BriefTiming | undefined =>
      manager.all().find((p) => p.resource.toString() === uri)?.timingOf(version)),
    testHooks.provide('briefConfirmations', (uri: string, since: number) =>
      manager.all().find((p) => p.resource.toString() === uri)?.confirmedSince(since) ?? []),
  );
}

/** What the `waitForBrief` test hook resolves with. */
interface Rendered {
  readonly version: number;
  /** When the webview's confirmation reached the extension (Date.now()). */
  readonly at: number;
  /** Where the time went, when this preview made that render (see BriefTiming). */
  readonly timing?: BriefTiming;
}

/** Resolves when a preview of `uri` showed `minVersion` or later (undefined after `timeoutMs`). */
function waitForRender(manager: BriefPreviewManager, uri: string, minVersion: number, timeoutMs: number): Promise<Rendered | undefined> {
  return new Promise((resolve) => {
    const previews = manager.all().filter((p) => p.resource.toString() === uri);
    const done = previews.find((p) => p.lastShownVersion >= minVersion);
    if (done) { resolve({ version: done.lastShownVersion, at: Date.now(), timing: done.timingOf(done.lastShownVersion) }); return; }
    const listeners: vscode.Disposable[] = [];
    const finish = (value: Rendered | undefined) => {
      clearTimeout(timer);
      for (const l of listeners) l.dispose();
      resolve(value);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    for (const p of previews) listeners.push(p.onDidRender((e) => { if (e.version >= minVersion) finish({ version: e.version, at: e.at, timing: e.timing && { ...e.timing } }); }));
  });
}
