import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_LENGTH_SECONDS } from '../../../app/schedule/session-length';
import { settingsFile } from '../../../main/settings/settings-file';
import { createFileSettingsStore } from '../../../main/settings/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanyard-settings-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings.json as the CLI reads it (no conf, no zod)', () => {
  it('reads what the settings store wrote', () => {
    const store = createFileSettingsStore({ dir });
    store.write({
      ...store.read(),
      defaultSession: 'corp',
      favorites: ['corp/111111111111/Admin'],
      recents: ['corp/222222222222/ReadOnly', 'corp/111111111111/Admin'],
      profileTemplate: '{account_name}-{role}',
      sessionDefaults: { corp: { sessionLengthSeconds: 43_200, sessionLengthSource: 'observed' } },
    });
    const f = settingsFile(dir);
    expect(f.defaultSession()).toBe('corp');
    expect(f.favorites()).toEqual(['corp/111111111111/Admin']);
    expect(f.recents()).toEqual(['corp/222222222222/ReadOnly', 'corp/111111111111/Admin']);
    expect(f.profileTemplate()).toBe('{account_name}-{role}');
    expect(f.sessionLength('corp')).toEqual({ seconds: 43_200, source: 'observed' });
    expect(f.sessionLength('other')).toEqual({ seconds: DEFAULT_SESSION_LENGTH_SECONDS, source: 'default' });
  });

  it('a bad field reads as unset, the others still count, and the file is left as it was', async () => {
    const text = JSON.stringify({
      defaultSession: 42,
      favorites: ['corp/111111111111/Admin', 'not a key'],
      recents: ['corp/222222222222/ReadOnly'],
      profileTemplate: '',
      sessionDefaults: { corp: { sessionLengthSeconds: 5 } },
    });
    await writeFile(join(dir, 'settings.json'), text);
    const f = settingsFile(dir);
    expect(f.defaultSession()).toBeUndefined();
    expect(f.favorites()).toEqual([]);
    expect(f.recents()).toEqual(['corp/222222222222/ReadOnly']);
    expect(f.profileTemplate()).toBeUndefined();
    expect(f.sessionLength('corp').source).toBe('default');
    // Reading never moves or rewrites the file (the store keeps a damaged file aside when it writes).
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('a missing, unreadable or non-object file reads as defaults', async () => {
    expect(settingsFile(dir).favorites()).toEqual([]);
    for (const text of ['{not json', '[1,2]', 'null', '"corp"']) {
      await writeFile(join(dir, 'settings.json'), text);
      const f = settingsFile(dir);
      expect(f.defaultSession()).toBeUndefined();
      expect(f.favorites()).toEqual([]);
      expect(f.sessionLength('corp').source).toBe('default');
    }
  });

  it('is read once per run: a later change is for the next run', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ defaultSession: 'a' }));
    const f = settingsFile(dir);
    expect(f.defaultSession()).toBe('a');
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ defaultSession: 'b' }));
    expect(f.defaultSession()).toBe('a');
    expect(settingsFile(dir).defaultSession()).toBe('b');
  });
});
