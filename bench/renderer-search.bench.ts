/**
 * Renderer benchmarks in Chromium (playwright-core + /usr/bin/chromium), 10,000 roles:
 *  - search: searchRoles + buildRows per keystroke, run in the page (the code the window runs);
 *  - keystroke → DOM: a real typed key to React's commit and layout in the built window;
 *  (the first render, in stages: bench/renderer-first-render.bench.ts);
 *  - bundle: gzip size of every file in dist/renderer.
 * Run: npx tsx bench/renderer-search.bench.ts  (builds dist/renderer when it is missing)
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import type * as SearchModule from '../app/search';
import type * as FakeDataModule from '../test/support/renderer/fake-data';
import {
  buildRenderer,
  fakeBridgeScript,
  launchChromium,
  rendererDist,
  repoRoot,
  serveStatic,
} from '../test/support/browser';

const ROLES = 10_000;
const RUNS = Number(process.env.RENDERER_BENCH_RUNS ?? 5);
/** Typed one key at a time; '\b' is Backspace. Mixes names, ids, emails and role names. */
const sequence = [
  'payments prod admin',
  '\b'.repeat(6),
  'read',
  '\b'.repeat(19),
  '6689',
  '\b\b\b\b',
  'aws+data-lake',
  '\b'.repeat(13),
  'secaud',
];

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), max: s[s.length - 1] ?? NaN };
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Every query the sequence produces, in order (each one is a keystroke's search). */
function queries(): string[] {
  const out: string[] = [];
  let q = '';
  for (const part of sequence) {
    for (const ch of part) {
      q = ch === '\b' ? q.slice(0, -1) : q + ch;
      out.push(q);
    }
  }
  return out;
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

if (!existsSync(join(rendererDist, 'index.html'))) await buildRenderer(rendererDist);
const loadBefore = loadavg()[0]!.toFixed(2);

const searchBundle = (
  await build({
    stdin: {
      contents:
        "export * from './app/search'; export { fakeRoles } from './test/support/renderer/fake-data';",
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__search',
    target: 'chrome120',
    logLevel: 'error',
  })
).outputFiles[0]!.text;

const server = await serveStatic(rendererDist);
const browser = await launchChromium();
const rows: [string, string, string, string, string][] = [];
try {
  const context = await browser.newContext({ viewport: { width: 380, height: 560 } });

  // 1. Pure search in the page: index once, then every keystroke's query.
  {
    const page = await context.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: searchBundle });
    const result = await page.evaluate(
      ({ n, qs, runs }) => {
        type S = typeof SearchModule & typeof FakeDataModule;
        const s = (globalThis as unknown as { __search: S }).__search;
        const roles = s.fakeRoles(n);
        const indexTimes: number[] = [];
        const warmTimes: number[] = [];
        const times: number[] = [];
        const warmed: number[] = [];
        for (let r = 0; r < 2 * runs; r++) {
          const warm = r % 2 === 1;
          // A fresh index per run: its word memo starts empty, as in a newly opened window.
          const t0 = performance.now();
          const index = s.buildRoleIndex(roles);
          indexTimes.push(performance.now() - t0);
          if (warm) {
            // What the window does in idle time once roles arrive.
            const w0 = performance.now();
            while (s.warmRoleIndex(index));
            warmTimes.push(performance.now() - w0);
          }
          const ctx = { favorites: new Set(index.items.slice(0, 20).map((i) => i.key)), recents: [] };
          for (const q of qs) {
            const a = performance.now();
            const hits = s.searchRoles(index, q, ctx);
            s.buildRows(hits, q, index, ctx);
            (warm ? warmed : times).push(performance.now() - a);
          }
        }
        return { indexTimes, warmTimes, times, warmed };
      },
      { n: ROLES, qs: queries(), runs: RUNS },
    );
    const st = stats(result.times);
    rows.push(['search+rows per keystroke, cold', String(st.n), ms(st.p50), ms(st.p95), ms(st.max)]);
    const sw = stats(result.warmed);
    rows.push(['search+rows per keystroke, warmed', String(sw.n), ms(sw.p50), ms(sw.p95), ms(sw.max)]);
    const ix = stats(result.indexTimes);
    rows.push(['buildRoleIndex (once per list)', String(ix.n), ms(ix.p50), ms(ix.p95), ms(ix.max)]);
    const wt = stats(result.warmTimes);
    rows.push(['warmRoleIndex (idle, once per list)', String(wt.n), ms(wt.p50), ms(wt.p95), ms(wt.max)]);
    await page.close();
  }

  // 2. The built window with the fake bridge: real typed keys.
  const bridge = await fakeBridgeScript({ scenario: 'signed-in', roles: ROLES });
  const keyTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await page.addInitScript(bridge);
    await page.addInitScript(() => {
      const w = window as unknown as { __keys: number[] };
      w.__keys = [];
      let down = 0;
      window.addEventListener('keydown', () => (down = performance.now()), true);
      // Bubble phase on window runs after React's root listener has rendered and committed.
      window.addEventListener('input', () => {
        void document.body.offsetHeight; // include layout
        w.__keys.push(performance.now() - down);
      });
    });
    await page.goto(server.url);
    await page.waitForSelector('[role=option]');
    // A person needs a moment before the first key; the window precomputes in that idle time.
    await page.waitForTimeout(500);
    await page.focus('input[type=search]');
    for (const part of sequence) {
      for (const ch of part) await page.keyboard.press(ch === '\b' ? 'Backspace' : ch);
    }
    keyTimes.push(...(await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys)));
    await page.close();
  }
  const kt = stats(keyTimes);
  rows.push(['keystroke → DOM (React + layout)', String(kt.n), ms(kt.p50), ms(kt.p95), ms(kt.max)]);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// 3. What the window downloads.
let gz = 0;
let raw = 0;
const sizeRows: string[] = [];
for (const f of await files(rendererDist)) {
  const bytes = await readFile(f);
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += z;
  sizeRows.push(
    `  ${relative(rendererDist, f).padEnd(34)} ${kb(bytes.length).padStart(10)} ${kb(z).padStart(10)} gzip`,
  );
}

const head: [string, string, string, string, string] = ['renderer, 10,000 roles', 'n', 'p50', 'p95', 'max'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(
  `load average at start ${loadBefore}, at end ${loadavg()[0]!.toFixed(2)} (2 cores: above 2, other work competes)\n`,
);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(`\nbundle dist/renderer: ${kb(raw)} raw, ${kb(gz)} gzip (target ≤ 150 KB)`);
console.log(sizeRows.join('\n'));
