/**
 * The stylesheet inlined into exported HTML briefs: light, readable, print-friendly. Kept as a
 * string in the core so the CLI and the web extension export the same file without reading disk.
 */
export const BRIEF_EXPORT_CSS = `
:root { color-scheme: light; }
body.brief { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
.brief h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
.brief h2 { font-size: 1.25rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; margin-top: 2rem; }
.brief h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
.brief-facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
.brief-facts dt { font-weight: 600; color: #59636e; }
.brief-facts dd { margin: 0; }
.brief-counts { color: #59636e; }
.brief-problems { color: #b35900; }
.brief-list { padding-left: 1.2rem; }
.brief-initiative { margin: .5rem 0; }
.brief-initiative-text { font-weight: 600; }
.brief-badge { display: inline-block; font-size: .75rem; padding: 0 .45rem; border-radius: .7rem; border: 1px solid #8c959f; color: #1f2328; background: #f6f8fa; vertical-align: 1px; }
.brief-badge[data-status="agreed"], .brief-badge[data-status="launched"], .brief-badge[data-status="done"] { background: #dafbe1; border-color: #1a7f37; }
.brief-badge[data-status="supported"] { background: #ddf4ff; border-color: #0969da; }
.brief-badge[data-status="rejected"] { background: #ffebe9; border-color: #cf222e; }
.brief-meta, .brief-muted { color: #59636e; font-size: .9em; }
.brief-note { border-left: 3px solid #d4a72c; padding: .1rem .6rem; margin: .3rem 0; background: #fff8c5; font-size: .92em; }
.brief-initiative-figures { margin: .2rem 0; padding-left: 1.2rem; }
.brief table { border-collapse: collapse; width: 100%; font-size: .92em; }
.brief th, .brief td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.brief th { background: #f6f8fa; }
.brief-actor-list { columns: 2; padding-left: 1.2rem; }
.brief-markdown { border-top: 1px solid #d0d7de; }
.summit-initiative, .summit-figure, .summit-actor, .summit-span { border-radius: 3px; padding: 0 1px; }
.summit-initiative { background: #ddf4ff; border-bottom: 2px solid #0969da; }
.summit-figure { background: #fff8c5; border-bottom: 2px solid #bf8700; }
.summit-actor { background: #fbefff; border-bottom: 2px solid #8250df; }
.summit-ref { text-decoration: underline dotted; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
@media print {
  body.brief { max-width: none; margin: 0; font-size: 11pt; }
  .brief h2 { break-after: avoid; }
  .brief tr, .brief-initiative { break-inside: avoid; }
  .brief a { color: inherit; }
  .brief a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
  .summit-initiative, .summit-figure, .summit-actor, .summit-span { background: none; }
}
`;
