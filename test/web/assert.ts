// The few `assert` functions the web smoke suite uses, for the browser bundle (Node's `assert`
// does not exist in a web worker); scripts/integration/web.mjs aliases `assert` to this file.
export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new Error(message ?? `expected a truthy value, got ${String(value)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) {
    throw new Error(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) throw new Error(message ?? `expected ${JSON.stringify(actual.slice(0, 200))} to match ${String(pattern)}`);
}

export function doesNotMatch(actual: string, pattern: RegExp, message?: string): void {
  if (pattern.test(actual)) throw new Error(message ?? `expected ${JSON.stringify(actual.slice(0, 200))} not to match ${String(pattern)}`);
}
