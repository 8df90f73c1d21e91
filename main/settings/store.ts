/**
 * Settings on disk via `conf` (what electron-store is built on, so the shell may swap in
 * electron-store with the same file and schema). zod's settingsSchema is the single source of
 * truth: conf only reads and writes atomically. A damaged file never crashes the app: it is kept
 * aside for the person to inspect and Lanyard carries on with what it can salvage.
 */
import Conf from 'conf';
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { LanyardError } from '../../app/errors';
import { settingsSchema, type Settings } from '../../app/settings/schema';
import { createLogger } from '../log/logger';
import type { SettingsStore } from '../platform/types';

const log = createLogger('settings');

export type FileSettingsStore = SettingsStore & {
  readonly path: string;
  /** Problems found when loading, in words (shown as snapshot warnings). */
  readonly warnings: string[];
};

/** The part of conf's API the store uses; electron-store (a Conf subclass) satisfies it too. */
export type SettingsBackend = { store: Record<string, unknown> };
export type BackendOptions = {
  cwd: string;
  name: string;
  configFileMode: number;
  clearInvalidConfig: boolean;
  accessPropertiesByDotNotation: boolean;
};

export type FileSettingsOptions = {
  /** Absolute folder for `settings.json` (Paths.dataDir). */
  dir: string;
  now?: () => number;
  /** The Electron shell passes electron-store here; the CLI and tests use plain conf. Same file either way. */
  open?: (o: BackendOptions) => SettingsBackend;
};

const openConf = ({ name, ...o }: BackendOptions): SettingsBackend =>
  new Conf<Record<string, unknown>>({ ...o, configName: name });

type Shape = typeof settingsSchema.shape;

/** Keeps every field that is valid on its own, so one bad value does not cost the person their favorites. */
export function salvageSettings(raw: unknown): { settings: Settings; bad: string[] } {
  const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  const bad: string[] = [];
  for (const key of Object.keys(settingsSchema.shape) as (keyof Shape)[]) {
    if (!(key in input)) continue;
    const r = settingsSchema.shape[key].safeParse(input[key]);
    if (r.success) out[key] = r.data;
    else bad.push(key);
  }
  for (const key of Object.keys(input)) if (!(key in settingsSchema.shape)) bad.push(key);
  return { settings: settingsSchema.parse(out), bad };
}

export function createFileSettingsStore(opts: FileSettingsOptions): FileSettingsStore {
  const now = opts.now ?? Date.now;
  const path = join(opts.dir, 'settings.json');
  const warnings: string[] = [];
  const keepAside = (why: string, move: boolean) => {
    const aside = `${path}.bad-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    if (move) renameSync(path, aside);
    else copyFileSync(path, aside);
    const msg = `Settings file ${why}; kept it as ${aside} and used ${move ? 'defaults' : 'what was valid'}.`;
    warnings.push(msg);
    log.warn(msg);
  };

  const open = () =>
    (opts.open ?? openConf)({
      cwd: opts.dir,
      name: 'settings',
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
    });

  let conf: SettingsBackend;
  let raw: unknown;
  try {
    conf = open();
    raw = conf.store;
  } catch (e) {
    if (!existsSync(path)) throw e;
    keepAside('could not be read as JSON', true);
    conf = open();
    raw = {};
  }

  const { settings, bad } = salvageSettings(raw);
  if (bad.length > 0) {
    keepAside(`had invalid or unknown fields (${bad.join(', ')})`, false);
    conf.store = settings;
  }
  let current: Settings = settings;

  return {
    path,
    warnings,
    read: () => structuredClone(current),
    write(next) {
      // Callers validate patches first; this guards the file against a bug writing junk.
      const parsed = settingsSchema.safeParse(next);
      if (!parsed.success)
        throw new LanyardError('BAD_INPUT', 'Those settings are not valid; nothing was saved.');
      conf.store = parsed.data;
      current = parsed.data;
    },
  };
}
