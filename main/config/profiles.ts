import { planProfilesText, type PlannedText, type PlanProfilesInput } from '../../app/config/plan-profiles';
import { isFileChangedError, writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log/logger';
import type { Paths } from '../paths';
import { assertWritableText } from './config-file';
import { createConfigReader, type ConfigReader, type ConfigSnapshot } from './config-reader';

export type { PlanProfilesInput };

/**
 * Runs app/config/plan-profiles.ts on a reading of the config: in process (the CLI) or in a worker
 * thread (the desktop, whose main thread serves the tray and every IPC answer meanwhile).
 */
export type ProfilesPlanner = (
  config: ConfigSnapshot,
  input: PlanProfilesInput,
  fileName: string,
) => Promise<PlannedText>;

/**
 * The CLI's planner: the plan edits the parse the run already made, so the file is parsed once.
 * A bad template or region rejects (never throws synchronously), as it does from the worker.
 */
export const planInProcess: ProfilesPlanner = (config, input, fileName) =>
  Promise.resolve().then(() => planProfilesText(config.text, input, fileName, config.takeDoc()));

const log = createLogger('config.profiles');

export type ProfilesPlan = {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  skipped: { name: string; reason: string }[];
  notes: string[];
  before: string;
  after: string;
  diff: string;
  /** The inputs, so applying can re-plan if another program edits the file first. */
  request: PlanProfilesInput;
};

export async function planProfiles(
  paths: Paths,
  input: PlanProfilesInput,
  reader: ConfigReader = createConfigReader(paths),
  planner: ProfilesPlanner = planInProcess,
): Promise<ProfilesPlan> {
  const config = await reader.read();
  const planned = await planner(config, input, paths.awsConfigFile);
  if (planned.after !== config.text) assertWritableText(config, paths);
  return {
    ...planned,
    before: config.text,
    request: input,
  };
}

const maxAttempts = 5;

/**
 * Writes a plan atomically with a backup, only if the file still holds `plan.before`. When another
 * program edited it meanwhile, the same request is planned again on the new content and retried,
 * so that edit is never lost.
 */
export async function applyProfilesPlan(
  paths: Paths,
  plan: ProfilesPlan,
  planner: ProfilesPlanner = planInProcess,
): Promise<{ written: boolean; backupPath?: string }> {
  let current = plan;
  for (let attempt = 1; ; attempt++) {
    if (current.after === current.before) return { written: false };
    try {
      const w = await writeFileAtomic(paths.awsConfigFile, current.after, {
        backup: true,
        expected: current.before,
      });
      log.info('profiles written', {
        added: current.added.length,
        updated: current.updated.length,
        removed: current.removed.length,
      });
      return { written: true, ...(w.backupPath ? { backupPath: w.backupPath } : {}) };
    } catch (e) {
      if (!isFileChangedError(e) || attempt >= maxAttempts) throw e;
      log.info('config changed since planning; planning again', { attempt });
      current = await planProfiles(paths, current.request, createConfigReader(paths), planner);
    }
  }
}
