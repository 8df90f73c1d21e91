// The CLI's files must not import each other in a circle (they once did: every command imported
// another for a helper). Imports are read with a regex, type-only ones included: a cycle of types
// is still a knot a reader has to untie.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const cliDir = join(root, 'main', 'cli');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of a file that land inside main/cli, as absolute paths. */
export function localImports(file: string, text: string, within: string): string[] {
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs
    .map((spec) => resolve(dirname(file), spec))
    .map((p) => [`${p}.ts`, join(p, 'index.ts')].find((c) => existsSync(c)))
    .filter((p): p is string => p !== undefined && p.startsWith(within));
}

/** One cycle as a list of files, or undefined. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const found = visit(m);
      if (found) return found;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of graph.keys()) {
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}

describe('main/cli imports', () => {
  it('the cycle finder sees a cycle (so the real check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toBeUndefined();
    expect(
      localImports(join(cliDir, 'commands', 'x.ts'), "import type { A } from './index';", cliDir),
    ).toEqual([join(cliDir, 'commands', 'index.ts')]);
  });

  it('no file in main/cli imports itself back through others', () => {
    const graph = new Map(
      files(cliDir).map((f) => [f, localImports(f, readFileSync(f, 'utf8'), cliDir)] as const),
    );
    expect(graph.size).toBeGreaterThan(10);
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => relative(root, f))).toBeUndefined();
  });
});
