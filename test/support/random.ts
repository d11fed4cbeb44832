/**
 * mulberry32: a small, fast generator that gives the same sequence on every machine, so a fuzz
 * failure or a generated benchmark file reproduces from its seed.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` short strings (and the empty one first) over `alphabet`, up to `maxLength` characters,
 * the same on every run for a given `seed`: for tests that hold a hand-written character test to
 * the expression it replaced.
 */
export function sampleStrings(count: number, maxLength: number, alphabet: readonly string[], seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    // A linear congruential step in 32 bits (a product past 2^53 loses its low bits, and the stream soon repeats), the high bits used.
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % n;
  };
  const out: string[] = [''];
  for (let i = 0; i < count; i++) {
    const length = next(maxLength + 1);
    let s = '';
    for (let k = 0; k < length; k++) s += alphabet[next(alphabet.length)];
    out.push(s);
  }
  return out;
}
