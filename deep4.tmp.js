const { createNotesMarkdown } = require('./out/src/core/brief/html.js');
const n = 10000;
const input = '['.repeat(n) + 'x' + ']{.actor}'.repeat(n);
createNotesMarkdown({ blockLines: true }).render(input);
