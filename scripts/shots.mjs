// `npm run shots`: opens VS Code (code-server) with Summit Notes on samples/ in headless Chromium
// and captures what a person sees, one PNG per scene of scripts/shots/scenes.mjs, into .shots/
// (ignored by git). Look at them: a feature can pass its tests and still look wrong.
// Flags: --scene NAME[,NAME] (only these), --readme (also copy the scenes marked `readme` into
//        media/readme/ as 256-colour PNGs, the small images README.md shows), --folder DIR (instead of samples/).
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCodeServer, PrerequisiteError } from './lib/codeServer.mjs';
import { freshProfile, launchBrowser, removeProfile, startCodeServer, workbenchUrl } from './lib/session.mjs';
import * as workbench from './lib/workbench.mjs';
import { scenes } from './shots/scenes.mjs';
import { ensureBuilt } from './lib/freshness.mjs';
import { ensureNodeModules } from './lib/deps.mjs';
import { compactPng } from './lib/compactPng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    scene: { type: 'string' },
    readme: { type: 'boolean', default: false },
    folder: { type: 'string' },
  },
});
const outDir = join(root, '.shots');
const readmeDir = join(root, 'media', 'readme');
const folder = args.folder ? resolve(args.folder) : join(root, 'samples');
const sample = existsSync(folder) ? readdirSync(folder).sort().find((f) => f.endsWith('.summit.md')) : undefined;
if (!sample) {
  console.error(`No *.summit.md in ${folder}: nothing to show.`);
  process.exit(1);
}
const wanted = args.scene?.split(',').map((s) => s.trim());
const selected = scenes.filter((s) => !wanted || wanted.includes(s.name));

ensureNodeModules(root);
ensureBuilt(root);
try {
  await ensureCodeServer();
} catch (e) {
  console.error(e instanceof PrerequisiteError ? e.message : String(e?.stack ?? e));
  process.exit(2);
}

const profile = freshProfile('summit-shots-');
const stops = [];
const stopAll = async () => { while (stops.length) await stops.pop()(); };
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { void stopAll().then(() => process.exit(130)); });

let failed = 0;
try {
  stops.push(async () => removeProfile(profile));
  const server = await startCodeServer({ profile, folder });
  stops.push(() => server.stop());
  const browser = await launchBrowser({ viewport: { width: 1200, height: 720 } });
  stops.push(() => browser.stop());
  const { page } = browser;
  await page.goto(workbenchUrl(server, { folder, extensionPath: root, file: join(folder, sample) }));
  await workbench.waitForEditorText(page, sample);
  mkdirSync(outDir, { recursive: true });

  const helpers = {
    ...workbench,
    sample,
    folder,
    /** Opens a file of the folder through Quick Open (Ctrl+P). */
    async openFile(name) {
      const active = page.locator('.tabs-container .tab.active', { hasText: name });
      if (await active.count()) return;
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await active.waitFor({ state: 'visible' });
    },
    /** Closes hovers, widgets and the side panels a previous scene opened. */
    async resetLayout() {
      await page.keyboard.press('Escape');
      await page.mouse.move(1, 1);
    },
  };

  for (const scene of selected) {
    const file = join(outDir, `${scene.name}.png`);
    try {
      await helpers.resetLayout();
      const target = await scene.run(page, helpers);
      if (target && typeof target.screenshot === 'function') await target.screenshot({ path: file });
      else await page.screenshot({ path: file });
      console.log(`  ${scene.name}: .shots/${scene.name}.png`);
      if (args.readme && scene.readme) {
        mkdirSync(readmeDir, { recursive: true });
        // A 256-colour palette: the README images ship in the .vsix (goal ≤ 1 MB in all).
        compactPng(file, join(readmeDir, `${scene.name}.png`));
        console.log(`    → media/readme/${scene.name}.png`);
      }
    } catch (e) {
      failed++;
      await page.screenshot({ path: join(outDir, `${scene.name}.failed.png`) }).catch(() => {});
      console.error(`  ${scene.name}: FAILED — ${e.message.split('\n')[0]} (see .shots/${scene.name}.failed.png)`);
    }
  }
} catch (e) {
  failed++;
  console.error(String(e?.stack ?? e));
} finally {
  await stopAll();
}
console.log(`${selected.length - failed} of ${selected.length} scenes captured in .shots/`);
process.exit(failed ? 1 : 0);
