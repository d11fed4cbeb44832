// The scenes `npm run shots` captures, in order. Each scene: `name` (the PNG's file name),
// optional `readme: true` (copied to media/readme/ by `npm run shots -- --readme`), and
// `run(page, h)`, which brings the workbench into the state to capture and may return a playwright
// Locator to capture just that element (default: the whole window). `h` holds the helpers of
// scripts/lib/workbench.mjs plus `sample` (file name of the notes file open at start),
// `openFile(name)` (Quick Open) and `resetLayout()`.
// Helpers for editor features and the brief preview add their scenes here.

/** Toasts (e.g. "a git repository was found") would cover what a scene shows. */
async function clearNotifications(page, h) {
  await h.runCommand(page, 'Notifications: Clear All Notifications');
}

/** @type {{ name: string, readme?: boolean, run: (page: import('playwright-core').Page, h: any) => Promise<unknown> }[]} */
export const scenes = [
  {
    name: 'editor-highlighting',
    readme: true,
    async run(page, h) {
      await h.openFile(h.sample);
      await h.waitForEditorText(page, h.sample);
      // Our status bar counts appear once the extension is active and has read the file.
      await page.locator('.statusbar-item', { has: page.locator('.codicon-symbol-event') }).first().waitFor({ state: 'visible', timeout: 60_000 });
      // Past the front matter, to where the annotations are.
      await h.revealText(page, '## Priority directions');
      await clearNotifications(page, h);
      return page.locator('.part.editor');
    },
  },
  {
    name: 'editor-hover',
    async run(page, h) {
      // An initiative of the sample whose text holds a glossary term (SCO): its hover shows both.
      await hoverOn(page, h, h.sample, 'SCO office at the AIFC');
    },
  },
  {
    name: 'link-hover',
    async run(page, h) {
      // The dossier sample's untracked Russian mention of the SCO bank: "Also in N articles?".
      await hoverOn(page, h, '2025-09-01-tianjin.ru.summit.md', 'Банк развития ШОС', 'Также в');
    },
  },
  {
    name: 'track-problem',
    async run(page, h) {
      // The dossier sample's misspelt key: the problem in the notes' language, with its near key.
      await hoverOn(page, h, '2025-09-02-tianjin-review.ru.summit.md', 'sco-dev-bnak', 'sco-dev-bank');
      // The problem hover lists the quick fix once the code actions are in.
      await page.locator('.monaco-hover:not(.hidden) .action-container', { hasText: /Quick Fix/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
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
  {
    name: 'initiatives-tree',
    readme: true,
    async run(page, h) {
      await h.openFile(h.sample);
      await h.waitForEditorText(page, h.sample);
      await h.runCommand(page, 'Summit Notes: Focus on Initiatives View');
      const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /initiatives/i }) });
      await tree.locator('.monaco-list-row').nth(2).waitFor({ state: 'visible' });
      // Follow-cursor: put the cursor in an initiative so the tree selects it.
      await h.revealText(page, 'development, security and dialogue');
      await tree.locator('.monaco-list-row.selected').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
      await clearNotifications(page, h);
      return undefined;
    },
  },
  {
    name: 'figure-hover',
    async run(page, h) {
      await h.openFile(h.sample);
      await h.waitForEditorText(page, h.sample);
      await h.revealText(page, '{.figure');
      const line = page.locator('.editor-instance .view-lines .view-line', { hasText: '{.figure' }).first();
      await line.waitFor({ state: 'visible' });
      const text = (await line.textContent()) ?? '';
      const match = /\[([^\]]{2,40})\]\{\.figure/.exec(text);
      if (!match) throw new Error('no [text]{.figure …} span on screen to hover');
      await h.hoverOver(page, match[1].trim().split(' ')[0]);
    },
  },
  {
    name: 'brief-light',
    readme: true,
    async run(page, h) {
      await openBrief(page, h);
      return undefined;
    },
  },
  {
    name: 'brief-figures',
    async run(page, h) {
      const frame = await openBrief(page, h);
      await frame.locator('.brief-figures h2').scrollIntoViewIfNeeded();
      await frame.locator('.brief-figures h2').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      return undefined;
    },
  },
  {
    name: 'brief-dark',
    async run(page, h) {
      await setTheme(page, h, 'Dark Modern');
      try {
        const frame = await openBrief(page, h);
        // The annotated text, where theme colours matter most.
        await frame.locator('.brief-markdown .summit-figure').first().scrollIntoViewIfNeeded();
      } catch (e) {
        await setTheme(page, h, 'Light Modern');
        throw e;
      }
      // Captured by the runner through this object, then the light theme comes back for later scenes.
      return {
        async screenshot(options) {
          try {
            await page.screenshot(options);
          } finally {
            await setTheme(page, h, 'Light Modern');
          }
        },
      };
    },
  },
  {
    name: 'dossier',
    readme: true,
    async run(page, h) {
      // The whole window for the dossier: no editor beside it.
      await h.runCommand(page, 'View: Close All Editors');
      await h.runCommand(page, 'Summit Notes: Open Dossier');
      const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await frame.locator('.dossier-entry .dossier-path').first().waitFor({ state: 'visible', timeout: 60_000 });
      await h.runCommand(page, 'Notifications: Clear All Notifications');
      // The side bar closed for the width a timeline needs, opened again after the capture.
      await h.runCommand(page, 'View: Close Primary Side Bar');
      return {
        async screenshot(options) {
          try {
            await page.screenshot(options);
          } finally {
            await h.runCommand(page, 'View: Toggle Primary Side Bar Visibility');
          }
        },
      };
    },
  },
  {
    name: 'dossier-links',
    async run(page, h) {
      // "Show possible links": the untracked Russian mention of the SCO bank under the bank's timeline.
      await h.runCommand(page, 'View: Close All Editors');
      await h.runCommand(page, 'Summit Notes: Open Dossier');
      const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await frame.locator('.dossier-entry .dossier-path').first().waitFor({ state: 'visible', timeout: 60_000 });
      await frame.locator('#dossier-suggest').check();
      const link = frame.locator('.dossier-link').first();
      await link.waitFor({ state: 'visible', timeout: 60_000 });
      await frame.locator('.dossier-suggested').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await h.runCommand(page, 'Notifications: Clear All Notifications');
      return undefined;
    },
  },
  {
    name: 'dossier-reload',
    async run(page, h) {
      // The dossier narrowed to Russian articles, then the window reloaded: the panel comes back filtered.
      // First the window without the harness's "open the sample" in its address, which would take
      // the place of the editors VS Code restores.
      const url = new URL(page.url());
      url.searchParams.set('payload', JSON.stringify(JSON.parse(url.searchParams.get('payload') ?? '[]').filter(([name]) => name !== 'openFile')));
      await page.goto(url.toString());
      await h.waitForWorkbench(page);
      await h.runCommand(page, 'View: Close All Editors');
      await h.runCommand(page, 'Summit Notes: Open Dossier');
      const frame = () => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await frame().locator('.dossier-entry .dossier-path').first().waitFor({ state: 'visible', timeout: 60_000 });
      await frame().locator('select[name="language"]').selectOption('ru');
      await frame().locator('.dossier-source', { hasText: 'Steppe Ledger' }).first().waitFor({ state: 'detached', timeout: 30_000 });
      // As a person reloads: VS Code saves the editors' state, then loads the window again.
      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), h.runCommand(page, 'Developer: Reload Window')]);
      await h.waitForWorkbench(page);
      await frame().locator('.dossier-entry .dossier-path').first().waitFor({ state: 'visible', timeout: 90_000 });
      const chosen = await frame().locator('select[name="language"]').inputValue();
      if (chosen !== 'ru') throw new Error(`after the reload the dossier's language filter is "${chosen}", not "ru"`);
      await h.runCommand(page, 'Notifications: Clear All Notifications');
      return undefined;
    },
  },
];

/** The brief beside the sample: opened by the editor-title command, waited for inside its webview. */
async function openBrief(page, h) {
  // A brief left open by an earlier scene has the sample's name in its tab too: start clean.
  await h.runCommand(page, 'View: Close All Editors');
  await h.openFile(h.sample);
  await h.waitForEditorText(page, h.sample);
  await h.runCommand(page, 'Summit Notes: Open Brief to the Side');
  // The webview is two iframes deep; wait until the brief's title and text are rendered in it.
  const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await frame.locator('.brief-title').waitFor({ state: 'visible', timeout: 60_000 });
  await frame.locator('.brief-markdown .summit-initiative, .brief-markdown .summit-figure, .brief-markdown .summit-actor').first().waitFor({ state: 'attached', timeout: 60_000 });
  // Toasts (e.g. the git prompt for the parent folder) would cover the brief.
  await h.runCommand(page, 'Notifications: Clear All Notifications');
  return frame;
}

/** Switches the colour theme through its picker, as a person would. */
async function setTheme(page, h, name) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Preferences: Color Theme');
  // Click the picker itself; "Browse Color Themes in Marketplace" may rank first and needs a network.
  const command = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).filter({ hasNotText: 'Browse' }).first();
  await command.waitFor({ state: 'visible' });
  await command.click();
  // The theme picker replaces the command list: wait for a theme row before typing into it.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ state: 'visible' });
  await input.fill(name);
  // Typing the name leaves that theme as the first, focused row.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Opens `file`, puts the cursor on `text` and shows the hover there by command (where the mouse
 * lands does not matter), asking again until a hover part holding `hasText` is visible: early in a
 * session the extension may still be activating, and the first cross-file ask reads the workspace.
 */
async function hoverOn(page, h, file, text, hasText) {
  await h.openFile(file);
  await h.waitForEditorText(page, file);
  await h.revealText(page, text);
  await clearNotifications(page, h);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', hasText ? { hasText } : {}).first();
  for (let attempt = 0; ; attempt++) {
    await h.runCommand(page, 'Show or Focus Hover');
    try {
      await hover.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await page.keyboard.press('Escape');
    }
  }
}
