// Memory of the Node side after listing 5,000 roles: heapUsed and rss after a full GC, before and after,
// with the listing kept alive (the desktop app holds it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startEmulator } from '../emulator/index';
import { createRoleDirectory } from '../main/accounts/directory';
import { createPortal } from '../main/accounts/portal';
import { resolvePaths } from '../main/paths';
import { emulatorTokenSource, session } from '../test/support/portal-session';
import { printTable } from './support';

// `node --expose-gc` is honoured when given; under tsx (bench/run.mjs) the flag is set at run time instead,
// since tsx runs the file in a child process that would not inherit it.
setFlagsFromString('--expose-gc');
const gc = ((globalThis as { gc?: () => void }).gc ?? runInNewContext('gc')) as () => void;

const ROLES = Number(process.env.BENCH_ROLES ?? 5000);
const perAccount = 4;
const MB = 1024 * 1024;

function settle(): { heapMB: number; rssMB: number } {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / MB, rssMB: m.rss / MB };
}

const home = await mkdtemp(join(tmpdir(), 'lanyard-bench-mem-'));
const emu = await startEmulator({
  org: { generate: { accounts: Math.ceil(ROLES / perAccount), rolesPerAccount: perAccount, seed: 3 } },
  throttle: false,
});
try {
  const paths = resolvePaths({ HOME: home });
  const portal = createPortal({
    tokenSource: emulatorTokenSource(emu.control),
    endpoints: { portal: emu.url },
    env: {},
    rate: { ratePerSecond: 500 },
  });
  const directory = createRoleDirectory({ paths, portal });
  // Nothing listed yet, but the SDK loaded and its client built: the app's state before a first listing.
  await portal.client(session);
  const before = settle();
  let listed = await directory.refresh(session);
  const first = settle();
  // A second listing replaces the first, as a background refresh does: the steady state.
  listed = await directory.refresh(session);
  const steady = settle();
  const cached = await directory.cached(session);
  const withCache = settle();
  const row = (stage: string, roles: number, m: { heapMB: number; rssMB: number }) => ({
    stage,
    roles,
    heapMB: m.heapMB,
    rssMB: m.rssMB,
    heapDeltaMB: m.heapMB - before.heapMB,
    rssDeltaMB: m.rssMB - before.rssMB,
  });
  printTable([
    row('before listing (SDK loaded, client built)', 0, before),
    row('after the first listing, result held', listed.roles.length, first),
    row('after a second listing replaced it', listed.roles.length, steady),
    row('plus the role cache read back from disk', cached?.roles.length ?? 0, withCache),
  ]);
  console.log(
    `${(((steady.heapMB - before.heapMB) * MB) / listed.roles.length).toFixed(0)} bytes of heap per role held; ` +
      `the in-process emulator's own org is in every row (constant); node ${process.version}`,
  );
} finally {
  await emu.close();
  await rm(home, { recursive: true, force: true });
}
