// What a CLI run found in ~/.aws/config is remembered for the next run while the file is unchanged
// (main/config/remembered.ts). Every INI parse is counted with a spy that calls the real parser.
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type * as ini from '../../../app/ini/document';
import { parse } from '../../../app/ini/document';

vi.mock('../../../app/ini/document', async (importOriginal) => {
  const real = await importOriginal<typeof ini>();
  return { ...real, parse: vi.fn(real.parse) };
});
import { createConfigReader } from '../../../main/config/config-reader';
import { readSessions } from '../../../main/config/sessions';
import { remembered } from '../../../main/config/remembered';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const session = (name: string, region = 'us-east-1') =>
  `[sso-session ${name}]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = ${region}\n`;

let sb: Sandbox;
beforeEach(async () => {
  sb = await createSandbox({ config: session('corp') });
  vi.mocked(parse).mockClear();
});
afterEach(async () => {
  await sb.cleanup();
});

/** As if the file was last written a minute ago: older than the racy window. */
const aMinuteAgo = new Date(Date.now() - 60_000);
const age = (path: string) => utimes(path, aMinuteAgo, aMinuteAgo);
/** One CLI run's view: a fresh reader that remembers in the data folder. */
const run = async () => {
  const found = await readSessions(
    sb.paths,
    createConfigReader(sb.paths, { once: true, rememberIn: sb.paths.dataDir }),
  );
  return { names: found.sessions.map((s) => s.name), warnings: found.warnings };
};
const parses = () => vi.mocked(parse).mock.calls.length;

describe('sessions remembered between runs', () => {
  test('an unchanged file is not read again; any change is seen', async () => {
    await age(sb.paths.awsConfigFile);
    expect((await run()).names).toEqual(['corp']);
    expect(parses()).toBe(1);
    expect(await readdir(join(sb.paths.dataDir, 'config-index'))).toHaveLength(1);
    expect((await run()).names).toEqual(['corp']);
    expect(parses()).toBe(1);

    // Same size, the very same modification time put back: the change time still tells.
    await writeFile(sb.paths.awsConfigFile, session('acme'));
    await age(sb.paths.awsConfigFile);
    expect((await run()).names).toEqual(['acme']);
    expect(parses()).toBe(2);
  });

  test('a file written within the last two seconds is not remembered (racily clean)', async () => {
    // Dated a minute ahead, the file is "just written" however slowly this test runs.
    const ahead = new Date(Date.now() + 60_000);
    await utimes(sb.paths.awsConfigFile, ahead, ahead);
    expect((await run()).names).toEqual(['corp']);
    expect((await run()).names).toEqual(['corp']);
    expect(parses()).toBe(2);
  });

  test('warnings are remembered with the sessions', async () => {
    await writeFile(sb.paths.awsConfigFile, `${session('corp')}\nnot a line botocore reads\n`);
    await age(sb.paths.awsConfigFile);
    const first = await run();
    expect(first.warnings.join('\n')).toMatch(/line 5: not a \[section\]/);
    expect(await run()).toEqual(first);
    expect(parses()).toBe(1);
  });

  test('a damaged or foreign index file is ignored and replaced', async () => {
    await age(sb.paths.awsConfigFile);
    await run();
    const dir = join(sb.paths.dataDir, 'config-index');
    const [name] = await readdir(dir);
    const file = join(dir, name!);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { value: { sessions: unknown[] } };
    for (const bad of [
      '{not json',
      JSON.stringify({ ...stored, version: 0 }),
      JSON.stringify({ ...stored, value: { sessions: [{ name: 1 }], warnings: [] } }),
    ]) {
      await writeFile(file, bad);
      expect((await run()).names).toEqual(['corp']);
    }
    expect(parses()).toBe(4);
    expect((await run()).names).toEqual(['corp']);
    expect(parses()).toBe(4);
  });

  test('a missing config has no sessions and remembers nothing', async () => {
    await rm(sb.paths.awsConfigFile);
    expect((await run()).names).toEqual([]);
    await expect(readdir(join(sb.paths.dataDir, 'config-index'))).rejects.toThrow(/ENOENT/);
  });

  test('a value that fails its check reads back as not remembered', async () => {
    const memo = remembered(
      sb.paths.dataDir,
      'some/path',
      (v): v is string => typeof v === 'string',
      () => 10_000,
    );
    await memo.put('stamp', 0, 'found');
    expect(await memo.get('stamp')).toBe('found');
    expect(await memo.get('other stamp')).toBeUndefined();
    const strict = remembered(sb.paths.dataDir, 'some/path', (v): v is string => v === 'something else');
    expect(await strict.get('stamp')).toBeUndefined();
  });
});
