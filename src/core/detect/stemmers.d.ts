// The package's per-language entry points are declared in its `exports` map, which the project's
// `node10` module resolution does not read; these say what the two entries we use export.
declare module '@orama/stemmers/russian' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
