import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type { CliContext } from '../../../main/cli/context';
import { main } from '../../../main/cli/main';
import type { StatusJson } from '../../../main/cli/commands/status';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { fakeClock } from '../../emulator/helpers';

// `lanyard status --json` and `sessions set` against an emulator whose sessions last two minutes;
// the CLI and the emulator share one hand-moved clock.
const startUrl = 'https://d-1234567890.awsapps.com/start';
const clock = fakeClock(Date.UTC(2026, 10, 27, 9, 0, 0));
let emulator: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator({ pollIntervalSeconds: 0, now: clock.now });
  emulator.control.setSessionLength(120);
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.control.setAuthorizeMode('approve');
  sandbox = await createSandbox({ env: emulator.env });
});
afterEach(() => sandbox.cleanup());

async function cli(argv: string[]) {
  const run = { code: -1, out: '', err: '' };
  const ctx: CliContext = {
    paths: sandbox.paths,
    env: sandbox.env,
    stdout: { write: (t) => void (run.out += t) },
    stderr: { write: (t) => void (run.err += t) },
    openUrl: async (url) => void (await fetch(url, { redirect: 'follow' })),
    signal: new AbortController().signal,
    now: clock.now,
  };
  run.code = await main(argv, ctx);
  return run;
}

async function status() {
  const r = await cli(['status', '--json']);
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as StatusJson).sessions[0]!;
}

const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

test('a renewing session ends a session length after sign-in: default, configured, then observed', async () => {
  expect(
    (await cli(['sessions', 'add', 'corp', '--start-url', startUrl, '--region', 'us-east-1'])).code,
  ).toBe(0);
  const signedInAt = clock.now();
  expect((await cli(['login'])).code).toBe(0);

  const first = await status();
  expect(first).toMatchObject({
    state: 'signed-in',
    refreshable: true,
    usableUntil: iso(signedInAt + 8 * 3600_000),
    usableUntilSource: 'default',
    usableUntilEstimate: false,
    signedInAt: iso(signedInAt),
    expiresAt: iso(signedInAt + 120_000),
    observedSessionLength: null,
  });
  // The sign-in record lives in Lanyard's data folder, private, and holds no token.
  const recordFile = join(sandbox.paths.dataDir, 'sign-ins.json');
  expect((await stat(recordFile)).mode & 0o777).toBe(0o600);
  const record = await readFile(recordFile, 'utf8');
  expect(record).toContain('"corp https://d-1234567890.awsapps.com/start"');
  expect(record).not.toMatch(/aor|aoa/);

  const set = await cli(['sessions', 'set', 'corp', '--session-length', '2m']);
  expect(set).toMatchObject({
    code: 0,
    out: expect.stringContaining('sessions last 2 m (configured)') as unknown,
  });
  expect(await status()).toMatchObject({
    usableUntil: iso(signedInAt + 120_000),
    usableUntilSource: 'configured',
  });
  const table = await cli(['status']);
  expect(table.out).toMatch(/SESSION END/);
  expect(table.out).toMatch(/corp\s+signed-in\s+ends \d\d:\d\d, in 2 m \(your length\)/);

  // Back to the default; the emulator's session then ends at two minutes and Lanyard notices.
  expect((await cli(['sessions', 'set', 'corp', '--session-length', 'default'])).code).toBe(0);
  clock.advance(61_000);
  expect(await status()).toMatchObject({ state: 'signed-in' }); // renewed
  clock.advance(60_000);
  const ended = await status();
  expect(ended).toMatchObject({ state: 'expired', observedSessionLength: 120 });
  expect(Date.parse(ended.usableUntil!)).toBeLessThanOrEqual(clock.now());
  const offer = await cli(['status']);
  expect(offer.out).toContain(
    'Your corp sessions seem to last 2 m. Remember? lanyard sessions set corp --session-length observed',
  );
  expect((await cli(['sessions', 'set', 'corp', '--session-length', 'observed'])).code).toBe(0);

  // A new sign-in counts from its own start with the remembered length; the offer is gone.
  const again = clock.now();
  expect((await cli(['login'])).code).toBe(0);
  expect(await status()).toMatchObject({
    state: 'signed-in',
    usableUntil: iso(again + 120_000),
    usableUntilSource: 'observed',
    observedSessionLength: null,
  });
});

test('sessions set: a bad length exits 2 with a clear message; an unknown session exits 6', async () => {
  await cli(['sessions', 'add', 'corp', '--start-url', startUrl, '--region', 'us-east-1']);
  for (const bad of ['12', 'soon', '30s', '100d']) {
    const r = await cli(['sessions', 'set', 'corp', '--session-length', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/session length/i);
  }
  expect((await cli(['sessions', 'set', 'nope', '--session-length', '12h'])).code).toBe(6);
  const noObservation = await cli(['sessions', 'set', 'corp', '--session-length', 'observed']);
  expect(noObservation.code).toBe(2);
  expect(noObservation.err).toContain('has not observed a session length');
});
