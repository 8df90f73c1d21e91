/**
 * What a packaged Lanyard must and must not hold. Pure over a file list, so a deliberately bad
 * list proves each rule can fail; `readAsarFacts` gathers the list from a real app.asar.
 */
import { extractFile, listPackage } from '@electron/asar';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TrayIconState } from '../../../app/tray/menu';

export interface AsarFacts {
  /** Every entry (files and folders) as @electron/asar lists them: '/dist/electron/main.mjs'. */
  readonly files: readonly string[];
  /** package.json `main` inside the asar. */
  readonly main: string | undefined;
  /** dist/renderer/index.html inside the asar. */
  readonly rendererHtml: string;
  /** The Electron main bundle's source (its bare imports must be packaged). */
  readonly mainSource: string;
  /** The profiles plan worker's source (main/config/plan-thread.ts starts it beside the main). */
  readonly workerSource: string;
}

export const planWorkerFile = '/dist/electron/plan-worker.cjs';
const shipped = ['/package.json', '/dist/electron/preload.cjs', planWorkerFile, '/dist/renderer/index.html'];
// Whole app surface outside node_modules: anything else (docs, tests, the CLI, the emulator,
// scripts, configs) is a dev file that leaked.
const allowedOutsideModules = [
  /^\/package\.json$/,
  /^\/dist$/,
  /^\/dist\/electron$/,
  /^\/dist\/electron\/(main\.mjs|preload\.cjs|plan-worker\.cjs)$/,
  /^\/dist\/renderer(\/.*)?$/,
  /^\/node_modules(\/.*)?$/,
];
const sourceOrMap = /\.(map|ts|tsx|mts|cts)$/;

export function asarProblems(facts: AsarFacts, runtimeDeps: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const have = new Set(facts.files);
  const mainPath = facts.main === undefined ? undefined : `/${facts.main.replace(/^\.?\//, '')}`;
  if (mainPath === undefined || !have.has(mainPath)) {
    problems.push(`package.json main (${facts.main}) is not in the asar`);
  }
  for (const f of shipped) if (!have.has(f)) problems.push(`missing ${f}`);
  for (const ref of rendererRefs(facts.rendererHtml)) {
    if (!have.has(`/dist/renderer/${ref}`)) problems.push(`index.html loads ${ref}, which is missing`);
  }
  for (const [who, source] of [
    ['main', facts.mainSource],
    ['the plan worker', facts.workerSource],
  ] as const) {
    for (const name of bareImports(source)) {
      if (!have.has(`/node_modules/${name}/package.json`))
        problems.push(`${who} imports ${name}, not packaged`);
    }
  }
  for (const f of facts.files) {
    if (!allowedOutsideModules.some((re) => re.test(f))) problems.push(`not part of the app: ${f}`);
    if (sourceOrMap.test(f)) problems.push(`source or source map: ${f}`);
    const pkg = modulePackage(f);
    if (pkg !== undefined && !runtimeDeps.has(pkg)) problems.push(`not a runtime dependency: ${pkg} (${f})`);
  }
  return [...new Set(problems)];
}

/** Relative script and stylesheet URLs of the built index.html. */
export function rendererRefs(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="\.?\/?([^":]+)"/g)].map((m) => m[1]!);
}

/** Packages a bundle imports (statically, lazily or with require), without node: builtins and electron. */
export function bareImports(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)["']([^"'.][^"']*)["']/gm,
  )) {
    const spec = m[1]!;
    if (spec.startsWith('node:') || spec === 'electron') continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...names].sort();
}

/** The innermost package a path in node_modules belongs to ('/node_modules/a/node_modules/@s/b/x' → '@s/b'). */
function modulePackage(path: string): string | undefined {
  const parts = path.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i < 0 || i + 1 >= parts.length) return undefined;
  const first = parts[i + 1]!;
  if (!first.startsWith('@')) return first;
  return i + 2 < parts.length ? `${first}/${parts[i + 2]}` : undefined;
}

/**
 * Names of package.json `dependencies` and everything they depend on (dependencies and optional
 * ones), found the way Node resolves them: the nearest node_modules up from the dependent.
 */
export function runtimeDependencies(root: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (dir: string) => {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const pkg = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const found = resolvePackageDir(real, name);
      if (found === undefined) continue; // an optional dependency for another platform
      names.add(name);
      visit(found);
    }
  };
  visit(root);
  return names;
}

function resolvePackageDir(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function readAsarFacts(asarPath: string): AsarFacts {
  const files = listPackage(asarPath, { isPack: false });
  const read = (f: string) => extractFile(asarPath, f).toString('utf8');
  const pkg = JSON.parse(read('package.json')) as { main?: string };
  const has = (f: string) => files.includes(`/${f}`);
  return {
    files,
    main: pkg.main,
    rendererHtml: has('dist/renderer/index.html') ? read('dist/renderer/index.html') : '',
    mainSource: pkg.main && has(pkg.main) ? read(pkg.main) : '',
    workerSource: files.includes(planWorkerFile) ? read(planWorkerFile.slice(1)) : '',
  };
}

const trayStates: readonly TrayIconState[] = ['signed-out', 'signed-in', 'expiring', 'expired', 'busy'];

/**
 * resources/tray as main/shell/assets.ts reads it when packaged: `<state>.png` (Windows, Linux) and
 * `<state>Template.png` (macOS), each with the @2x Electron picks on HiDPI.
 */
export function trayProblems(trayFiles: readonly string[]): string[] {
  const have = new Set(trayFiles);
  return trayStates
    .flatMap((s) => [`${s}.png`, `${s}@2x.png`, `${s}Template.png`, `${s}Template@2x.png`])
    .filter((f) => !have.has(f))
    .map((f) => `missing resources/tray/${f}`);
}
