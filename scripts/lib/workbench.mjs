// Page-level helpers for the VS Code workbench in Chromium (playwright-core), shared by
// `npm start -- --smoke` and `npm run shots`. They wait for what a person would see, through
// playwright's auto-waiting locators, never for a fixed time.

/** Waits until the workbench has rendered (the activity bar and the editor area are up). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout });
}

/**
 * Waits until an editor tab for `fileName` is active and its text is rendered in the editor
 * (not just the tab: the view lines hold the text).
 */
export async function waitForEditorText(page, fileName, timeout = 90_000) {
  await waitForWorkbench(page, timeout);
  if (fileName) {
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout });
  }
  await page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor({ state: 'visible', timeout });
  await page.waitForFunction(() => {
    // Runs in the page.
    // eslint-disable-next-line no-undef
    const lines = document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line');
    return Array.from(lines).some((l) => (l.textContent ?? '').trim().length > 0);
  }, undefined, { timeout });
}

/** Runs a command through the command palette (F1), as a person would. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Moves the cursor to the first occurrence of `text` in the active editor (via Go to Line and
 * the Find widget would move focus; here: find, then close the widget so the cursor stays on it).
 */
export async function revealText(page, text) {
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+F');
  const find = page.locator('.editor-instance .find-widget textarea, .editor-instance .find-widget input').first();
  await find.waitFor({ state: 'visible' });
  await find.fill(text);
  await page.locator('.editor-instance .find-widget .matchesCount', { hasText: /\d+ of \d+/ }).waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
}

/** Hovers the mouse over the first rendered occurrence of `text` and waits for the hover widget. */
export async function hoverOver(page, text, { timeout = 15_000 } = {}) {
  const span = page.locator('.editor-instance .monaco-editor .view-lines span span', { hasText: text }).first();
  await span.waitFor({ state: 'visible', timeout });
  const box = await span.boundingBox();
  if (!box) throw new Error(`"${text}" is not on screen`);
  await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover .hover-contents').first();
  await hover.waitFor({ state: 'visible', timeout });
  return hover;
}
