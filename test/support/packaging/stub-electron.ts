/**
 * An unpacked "Electron distribution" that electron-builder accepts as `electronDist`, for packaging
 * offline where the real binary cannot be downloaded. electron-builder copies the folder, renames
 * `electron` to the app's executable and flips the fuses in it with @electron/fuses, which looks for
 * a sentinel followed by the fuse wire: [version, length, one byte per fuse]. Running the build showed
 * nothing else in the folder is needed on Linux (no LICENSE, locales or default_app.asar).
 */
import { FuseV1Options } from '@electron/fuses';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// @electron/fuses/dist/constants.js: SENTINEL and FuseState (ENABLE '1', DISABLE '0').
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_ENABLE = 0x31;
export const FUSE_DISABLE = 0x30;
const FUSE_WIRE_VERSION = 1;

/** Electron's own defaults, so a fuse the config forgets to flip keeps the shipped (unsafe) value. */
export const electronDefaultFuses: Readonly<Record<FuseV1Options, boolean>> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

export function stubElectronBinary(): Buffer {
  const states = Object.values(electronDefaultFuses).map((on) => (on ? FUSE_ENABLE : FUSE_DISABLE));
  return Buffer.concat([
    // A shell script, so the stub says what it is if anyone runs it.
    Buffer.from('#!/bin/sh\necho "stub Electron for packaging tests: not runnable" >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([FUSE_WIRE_VERSION, states.length, ...states]),
    Buffer.from('\n'),
  ]);
}

/** Writes the stub distribution into `dir` and returns it. */
export async function makeStubElectronDist(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'electron'), stubElectronBinary(), { mode: 0o755 });
  return dir;
}
