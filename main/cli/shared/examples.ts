/**
 * A command's "Examples:" help section. Every line here is run against the emulator by
 * test/main/cli/help-examples.test.ts, so an example that stops working fails the build.
 */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}\n`).join('')}`;
}
