// The scenes `npm run shots` captures, in order. Each scene: `name` (the PNG's file name),
// optional `readme: true` (copied to media/readme/ by `npm run shots -- --readme`), and
// `run(page, h)`, which brings the workbench into the state to capture and may return a playwright
// Locator to capture just that element (default: the whole window). `h` holds the helpers of
// scripts/lib/workbench.mjs plus `sample` (file name of the notes file open at start),
// `openFile(name)` (Quick Open) and `resetLayout()`.
// Helpers for editor features and the brief preview add their scenes here.

/** @type {{ name: string, readme?: boolean, run: (page: import('playwright-core').Page, h: any) => Promise<unknown> }[]} */
export const scenes = [
  {
    name: 'editor-highlighting',
    readme: true,
    async run(page, h) {
      await h.openFile(h.sample);
      await h.waitForEditorText(page, h.sample);
      return page.locator('.part.editor');
    },
  },
  {
    name: 'editor-hover',
    async run(page, h) {
      await h.openFile(h.sample);
      await h.waitForEditorText(page, h.sample);
      // The first initiative span of the sample: hover its text.
      const first = page.locator('.editor-instance .view-lines .view-line', { hasText: '{.initiative' }).first();
      await first.waitFor({ state: 'visible' });
      const text = (await first.textContent()) ?? '';
      const match = /\[([^\]]{3,40})\]\{\.initiative/.exec(text);
      if (!match) throw new Error('no [text]{.initiative …} span on screen to hover');
      await h.hoverOver(page, match[1].split(' ')[0]);
    },
  },
  {
    name: 'outline',
    readme: true,
    async run(page, h) {
      await h.openFile(h.sample);
      await h.waitForEditorText(page, h.sample);
      await h.runCommand(page, 'Explorer: Focus on Outline View');
      const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /outline/i }) });
      await outline.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
      return undefined;
    },
  },
];
