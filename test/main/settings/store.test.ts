import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, settingsPatchSchema, settingsSchema } from '../../../app/settings/schema';
import { createFileSettingsStore } from '../../../main/settings/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanyard-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const file = () => join(dir, 'settings.json');

describe('settings schema', () => {
  it('fills defaults', () => {
    expect(defaultSettings.notifyLeadMinutes).toEqual([30, 5]);
    expect(defaultSettings.clipboardClearSeconds).toBe(60);
  });
  it('rejects bad values and unknown keys in a patch', () => {
    expect(settingsPatchSchema.safeParse({ clipboardClearSeconds: 31 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ notifyLeadMinutes: [0] }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ favorites: ['not-a-key'] }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ theme: 'dark' }).success).toBe(false);
    expect(settingsSchema.safeParse({ sessionDefaults: { w: { region: 'mars' } } }).success).toBe(false);
  });
});

describe('file settings store', () => {
  it('starts from defaults and round-trips a write, file mode 0600', async () => {
    const s = createFileSettingsStore({ dir });
    expect(s.read()).toEqual(defaultSettings);
    s.write({ ...defaultSettings, envFormat: 'fish', favorites: ['work/111111111111/Admin'] });
    const again = createFileSettingsStore({ dir });
    expect(again.read().envFormat).toBe('fish');
    expect(again.read().favorites).toEqual(['work/111111111111/Admin']);
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect(again.warnings).toEqual([]);
  });

  it('falls back to defaults on a corrupt file and keeps the bad file aside', async () => {
    await writeFile(file(), '{"envFormat": "fish", oops');
    const s = createFileSettingsStore({ dir });
    expect(s.read()).toEqual(defaultSettings);
    expect(s.warnings[0]).toMatch(/could not be read/);
    const aside = (await readdir(dir)).filter((n) => n.startsWith('settings.json.bad-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe('{"envFormat": "fish", oops');
    s.write({ ...defaultSettings, envFormat: 'json' });
    expect(createFileSettingsStore({ dir }).read().envFormat).toBe('json');
  });

  it('keeps valid fields of an invalid file and reports the bad ones', async () => {
    const bad = JSON.stringify({ envFormat: 'zsh', favorites: ['work/111111111111/Admin'], bogus: 1 });
    await writeFile(file(), bad);
    const s = createFileSettingsStore({ dir });
    expect(s.read().envFormat).toBe('posix');
    expect(s.read().favorites).toEqual(['work/111111111111/Admin']);
    expect(s.warnings[0]).toContain('envFormat');
    expect(s.warnings[0]).toContain('bogus');
    const aside = (await readdir(dir)).filter((n) => n.startsWith('settings.json.bad-'));
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(bad);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual(s.read());
  });

  it('a non-object JSON file is treated as invalid, not a crash', async () => {
    await writeFile(file(), '[1,2,3]');
    expect(createFileSettingsStore({ dir }).read()).toEqual(defaultSettings);
  });

  it('refuses to write invalid settings and keeps the file', async () => {
    const s = createFileSettingsStore({ dir });
    s.write({ ...defaultSettings, envFormat: 'cmd' });
    const before = await readFile(file(), 'utf8');
    expect(() => s.write({ ...defaultSettings, clipboardClearSeconds: 7 as 0 })).toThrow(/not valid/);
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect(s.read().envFormat).toBe('cmd');
  });
});
