const MarkdownIt = require('markdown-it');
const { createNotesMarkdown } = require('./out/src/core/brief/html.js');
for (const n of [5000, 10000, 20000, 40000]) {
  const input = '['.repeat(n) + 'x' + ']{.actor}'.repeat(n);
  let t = process.hrtime.bigint();
  new MarkdownIt().render(input);
  const a = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  createNotesMarkdown({ blockLines: true }).render(input);
  console.log(n, 'md', a.toFixed(0), 'ours', (Number(process.hrtime.bigint() - t) / 1e6).toFixed(0), 'ms');
}
