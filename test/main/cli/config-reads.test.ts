// ~/.aws/config is read and parsed once per CLI run, however many parts of the run ask for it
// (the session pick, the session lookup, sign-in's token and status). Every INI parse in the process
// is counted with a spy that calls the real parser, so a part that reads the file on its own counts
// too; the commands run for real against the emulator.
import { appendFile, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type * as ini from '../../../app/ini/document';
import { parse } from '../../../app/ini/document';

vi.mock('../../../app/ini/document', async (importOriginal) => {
  const real = await importOriginal<typeof ini>();
  return { ...real, parse: vi.fn(real.parse) };
});
const parses = () => vi.mocked(parse).mock.calls.length;
/** Parses of the whole file (adding a profile also parses the new section's few lines). */
const parsesOfText = (text: string) => vi.mocked(parse).mock.calls.filter(([t]) => t === text).length;
beforeEach(() => {
  vi.mocked(parse).mockClear();
});
import { main } from '../../../main/cli/main';
import type { CliContext } from '../../../main/cli/context';
import { createConfigReader } from '../../../main/config/config-reader';
import { createServices } from '../../../main/services';
import { signInWithEmulator } from '../../support/cli-run';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { session } from '../../support/portal-session';

const profiles = Array.from(
  { length: 200 },
  (_, i) =>
    `[profile p${i}]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\nregion = us-east-1\n`,
).join('\n');
const config = `[sso-session corp]\nsso_start_url = ${session.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n${profiles}`;
const org = {
  accounts: [
    { accountId: '111111111111', accountName: 'prod', emailAddress: 'p@example.com', roles: ['Admin'] },
  ],
};

let emu: RunningEmulator;
let sandbox: Sandbox;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulator({ org });
  sandbox = await createSandbox({ config });
  env = { ...sandbox.env, ...emu.env };
  await signInWithEmulator(emu, sandbox, session);
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

/** Runs one command in-process and says how many times it parsed the config. */
async function parsesOf(...argv: string[]): Promise<{ code: number; parses: number; stderr: string }> {
  vi.mocked(parse).mockClear();
  const text = await readFile(sandbox.paths.awsConfigFile, 'utf8');
  let stderr = '';
  const ctx: CliContext = {
    paths: sandbox.paths,
    env,
    stdout: { write: () => undefined },
    stderr: { write: (s) => void (stderr += s) },
    openUrl: () => Promise.resolve(),
    signal: new AbortController().signal,
    now: Date.now,
    // The CLI's reader, minus remembering between runs (test/main/config/remembered.test.ts):
    // each run here must read the file.
    config: createConfigReader(sandbox.paths, { once: true }),
  };
  const code = await main(argv, ctx);
  return { code, parses: parsesOfText(text), stderr };
}

describe('one parse of ~/.aws/config per run', () => {
  test('roles (live, then from cache), status, env and profiles each parse it exactly once', async () => {
    for (const argv of [
      ['roles', '--json'],
      ['roles', '--json'],
      ['status', '--json'],
      ['env', 'prod', 'Admin'],
      // The plan edits the parse the session pick made: still one, with or without writing.
      ['profiles'],
      ['profiles', '--write'],
    ]) {
      const run = await parsesOf(...argv);
      expect(run.code, `${argv.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.parses, argv.join(' ')).toBe(1);
    }
  });

  test("a run's own write is seen by its next read", async () => {
    const services = createServices({
      paths: sandbox.paths,
      env,
      opener: { open: () => Promise.resolve() },
      config: createConfigReader(sandbox.paths, { once: true }),
    });
    expect((await services.loadSessions()).sessions.map((s) => s.name)).toEqual(['corp']);
    await services.addSession({ name: 'extra', startUrl: session.startUrl, region: 'eu-west-1' });
    expect((await services.loadSessions()).sessions.map((s) => s.name)).toEqual(['corp', 'extra']);
  });

  test('the default reader (the desktop) sees edits from other programs and reuses unchanged parses', async () => {
    const reader = createConfigReader(sandbox.paths);
    const first = await reader.read();
    first.doc();
    (await reader.read()).doc();
    expect(parses()).toBe(1);
    await appendFile(sandbox.paths.awsConfigFile, '\n[sso-session other]\nsso_region = us-east-1\n');
    const after = await reader.read();
    expect(after.text).toContain('[sso-session other]');
    after.doc();
    expect(parses()).toBe(2);
  });

  test('a parse taken to be edited is never handed out again for the same text', async () => {
    const reader = createConfigReader(sandbox.paths);
    const first = await reader.read();
    const shared = first.doc();
    const taken = first.takeDoc();
    // The parse already made is the one handed over: no second parse for the plan.
    expect(taken).toBe(shared);
    expect(parses()).toBe(1);
    taken.sections.length = 0;
    // The same snapshot (unchanged text) parses again rather than serve the edited document.
    const again = await reader.read();
    expect(again).toBe(first);
    expect(again.doc()).not.toBe(taken);
    expect(again.doc().sections.length).toBeGreaterThan(200);
    expect(parses()).toBe(2);
  });
});
