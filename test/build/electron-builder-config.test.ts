// electron-builder.yml checked offline by electron-builder's own loader and schema validator
// (the same calls `electron-builder` makes before packaging), plus the facts the app relies on.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';

const root = join(import.meta.dirname, '..', '..');
const states = ['signed-out', 'signed-in', 'expiring', 'expired', 'busy'];

async function load(projectDir: string): Promise<Configuration> {
  return getConfig(projectDir, null, null);
}

async function inTempProject<T>(yml: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-builder-'));
  try {
    await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
    await writeFile(join(dir, 'electron-builder.yml'), yml);
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await load(root);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validator rejects a broken config (so the test above can fail)', async () => {
    const broken = 'appId: dev.lanyard.app\nmac:\n  category: 42\n  launchAtLoginPlease: true\n';
    await inTempProject(broken, async (dir) => {
      const config = await load(dir);
      await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(
        /configuration\.mac/,
      );
    });
    // A misspelt key one level down is caught too (a typo would otherwise be silently ignored).
    const typo = 'appId: dev.lanyard.app\nlinux:\n  categroy: Development\n';
    await inTempProject(typo, async (dir) => {
      await expect(validateConfiguration(await load(dir), new DebugLogger(false))).rejects.toThrow(
        /configuration\.linux/,
      );
    });
  });

  it('describes the app the shell expects', async () => {
    const c = await load(root);
    expect(c.appId).toBe('dev.lanyard.app');
    expect(c.productName).toBe('Lanyard');
    // getConfig normalises `files` into filter sets.
    const files = (c.files as { filter: string[] }[]).flatMap((f) => f.filter);
    // What actually lands in the app.asar is checked by packaging for real (package.test.ts).
    expect(files).toEqual(expect.arrayContaining(['dist/electron/main.mjs', 'package.json', '!**/*.map']));
    expect(c.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(c.mac?.hardenedRuntime).toBe(true);
    expect(c.mac?.category).toBe('public.app-category.developer-tools');
    expect(c.mac?.target).toEqual(['dmg', 'zip']);
    expect(c.win?.target).toEqual(['nsis']);
    expect(c.linux?.target).toEqual(['AppImage', 'deb', 'tar.gz']);
    expect(c.linux?.category).toBe('Development');
    expect(c.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(c.extraResources).toEqual([{ from: 'build/tray', to: 'tray', filter: ['*.png'] }]);
  });

  it('every icon it names exists, at the sizes the tray and installers need', async () => {
    const c = await load(root);
    for (const icon of [c.mac?.icon, c.win?.icon, c.linux?.icon]) {
      expect(icon && existsSync(join(root, icon))).toBe(true);
    }
    const { readFileSync } = await import('node:fs');
    const size = (file: string) => {
      const png = readFileSync(join(root, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size('build/icon.png')).toEqual([1024, 1024]);
    for (const s of states) {
      expect(size(`build/tray/${s}Template.png`)).toEqual([16, 16]);
      expect(size(`build/tray/${s}Template@2x.png`)).toEqual([32, 32]);
      expect(size(`build/tray/${s}.png`)).toEqual([16, 16]);
      expect(size(`build/tray/${s}@2x.png`)).toEqual([32, 32]);
    }
  });
});
