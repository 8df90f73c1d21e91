/**
 * The window's first render of 10,000 roles in Chromium (playwright-core + /usr/bin/chromium),
 * split into its stages, with bare Chromium's first paint of an empty page beside it as the floor.
 *
 *   nav ─ bundle downloaded ─ bundle parsed and run ('lanyard:script') ─ roles received ─ first option
 *
 * "Roles received" is when the bridge's `roles.get` answer for the 10,000-role session reaches the
 * renderer (the bench wraps the fake bridge). From there to the first role option on screen is the
 * issue's "first render of 10,000 roles". Pages of every build and the empty page are loaded in
 * turn (interleaved), so a change in the machine's load hits them alike.
 *
 * Run: npx tsx bench/renderer-first-render.bench.ts
 *   RENDERER_BENCH_RUNS=15         pages per build (default 9)
 *   RENDERER_BENCH_BASELINE=dir    also load this build (e.g. main's dist/renderer copied aside)
 *   RENDERER_BENCH_PROFILE=file    write one page's CPU profile (Chrome DevTools format)
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import {
  buildRenderer,
  fakeBridgeScript,
  launchChromium,
  rendererDist,
  serveStatic,
} from '../test/support/browser';

const ROLES = 10_000;
const RUNS = Number(process.env.RENDERER_BENCH_RUNS ?? 9);
const baseline = process.env.RENDERER_BENCH_BASELINE;
const profileOut = process.env.RENDERER_BENCH_PROFILE;

type Marks = {
  bridgeStart: number;
  bridgeEnd: number;
  scriptLoaded: number;
  scriptRun: number;
  rolesReceived: number;
  firstOption: number;
  firstOptionLaidOut: number;
};

/**
 * Runs before the bridge (addInitScript order): times the bridge's set-up, then wraps its `invoke`
 * so the 10,000-role answer is stamped as the renderer gets it, and watches for the first option.
 */
function markScript(roles: number): string {
  const before = () => {
    const w = window as unknown as { __marks: Record<string, number> };
    w.__marks = { bridgeStart: performance.now() };
  };
  const after = (n: number) => {
    const w = window as unknown as {
      __marks: Record<string, number>;
      __rendered: Promise<void>;
      lanyard: { invoke: (c: string, r: unknown) => Promise<{ ok: boolean; value?: unknown }> };
    };
    const marks = w.__marks;
    // No named function in here: tsx would wrap it in a helper the page does not have.
    const settle: { rendered?: () => void } = {};
    w.__rendered = new Promise((ok) => (settle.rendered = ok));
    marks.bridgeEnd = performance.now();
    const invoke = w.lanyard.invoke.bind(w.lanyard);
    w.lanyard.invoke = (command, request) =>
      invoke(command, request).then((r) => {
        if (command === 'roles.get' && Array.isArray(r.value) && r.value.length === n)
          marks.rolesReceived ??= performance.now();
        return r;
      });
    new MutationObserver((_, obs) => {
      if (!document.querySelector('[role=option]')) return;
      marks.firstOption = performance.now();
      void document.body.offsetHeight; // style and layout of that first commit
      marks.firstOptionLaidOut = performance.now();
      obs.disconnect();
      settle.rendered?.();
    }).observe(document, { childList: true, subtree: true });
  };
  return `(${before.toString()})();\n@@BRIDGE@@\n(${after.toString()})(${roles});`;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
  return { n: s.length, min: s[0] ?? NaN, p50: at(50), p95: at(95) };
}
const ms = (n: number) => (Number.isNaN(n) ? '-' : `${n.toFixed(1)} ms`);

async function loadApp(page: Page, url: string): Promise<Marks> {
  await page.goto(url);
  // Awaited in the page, not polled: Playwright's polling would run its queries inside the timing.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    page.evaluate(() => (window as unknown as { __rendered: Promise<void> }).__rendered),
    new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('no role option in 30 s')), 30_000))),
  ]).finally(() => clearTimeout(timer));
  return page.evaluate(() => {
    const m = (window as unknown as { __marks: Record<string, number> }).__marks;
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.js')) as
      PerformanceResourceTiming | undefined;
    return {
      bridgeStart: m.bridgeStart!,
      bridgeEnd: m.bridgeEnd!,
      scriptLoaded: script?.responseEnd ?? NaN,
      scriptRun: performance.getEntriesByName('lanyard:script')[0]?.startTime ?? NaN,
      rolesReceived: m.rolesReceived ?? NaN,
      firstOption: m.firstOption!,
      firstOptionLaidOut: m.firstOptionLaidOut!,
    };
  });
}

async function loadEmpty(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const fcp = await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  );
  return (await fcp.jsonValue())!;
}

if (!existsSync(join(rendererDist, 'index.html'))) await buildRenderer(rendererDist);
const loadBefore = loadavg()[0]!.toFixed(2);

// One server for every build and the empty page: the same origin costs for each.
const root = await mkdtemp(join(tmpdir(), 'lanyard-first-render-'));
const builds: { name: string; dir: string }[] = [{ name: 'this build', dir: rendererDist }];
if (baseline) builds.unshift({ name: 'baseline', dir: baseline });
for (const [i, b] of builds.entries()) await cp(b.dir, join(root, `b${i}`), { recursive: true });
await writeFile(join(root, 'empty.html'), '<!doctype html><title>empty</title><p>Lanyard</p>');
const server = await serveStatic(root);
const fake = await fakeBridgeScript({ scenario: 'signed-in', roles: ROLES });
const bridge = markScript(ROLES).replace('@@BRIDGE@@', () => fake);

const browser = await launchChromium();
const samples = builds.map(() => [] as Marks[]);
const empty: number[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 380, height: 560 } });
  // One unmeasured load of each warms Chromium's process pool and the OS file cache.
  for (let run = -1; run < RUNS; run++) {
    // Alternate which build goes first: the page before is still being torn down meanwhile.
    const order = builds.map((_, i) => i);
    if (run % 2 === 1) order.reverse();
    for (const i of order) {
      const page = await context.newPage();
      await page.addInitScript(bridge);
      const marks = await loadApp(page, `${server.url}b${i}/`);
      if (run >= 0) samples[i]!.push(marks);
      await page.close();
    }
    const page = await context.newPage();
    const fcp = await loadEmpty(page, `${server.url}empty.html`);
    if (run >= 0) empty.push(fcp);
    await page.close();
  }
  if (profileOut) {
    const page = await context.newPage();
    await page.addInitScript(bridge);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await loadApp(page, `${server.url}b${builds.length - 1}/`);
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(profileOut, JSON.stringify(profile));
    await page.close();
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
}

type Row = [string, ...string[]];
const rows: Row[] = [];
const stages: [string, (m: Marks) => number][] = [
  ['nav → bundle downloaded', (m) => m.scriptLoaded],
  ['nav → bundle parsed and run (lanyard:script)', (m) => m.scriptRun],
  ['fake bridge set-up in the page (harness)', (m) => m.bridgeEnd - m.bridgeStart],
  ['script run → roles received (state, roles.get)', (m) => m.rolesReceived - m.scriptRun],
  ['roles received → first option (DOM)', (m) => m.firstOption - m.rolesReceived],
  ['roles received → first option laid out', (m) => m.firstOptionLaidOut - m.rolesReceived],
  ['nav → first option laid out (whole)', (m) => m.firstOptionLaidOut],
];
const fe = stats(empty);
const cells = (st: ReturnType<typeof stats>) => [st.p50, st.p95, st.min].map(ms);
rows.push(['bare Chromium: nav → first paint, empty page', ...builds.flatMap(() => cells(fe))]);
for (const [label, of] of stages) rows.push([label, ...samples.flatMap((s) => cells(stats(s.map(of))))]);

const head: Row = [`first render, ${ROLES.toLocaleString('en')} roles, n=${RUNS}`];
// min: the run the other work on the machine disturbed least.
for (const b of builds) head.push(`${b.name} p50`, 'p95', 'min');
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(
  `load average at start ${loadBefore}, at end ${loadavg()[0]!.toFixed(2)} (2 cores: above 2, other work competes)\n`,
);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (profileOut) console.log(`\nCPU profile of one load of ${builds.at(-1)!.name}: ${profileOut}`);
