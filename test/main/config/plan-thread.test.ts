/**
 * The desktop's profiles planner in a real worker thread (main/config/plan-worker.ts built as
 * scripts/build.mjs builds it): the same plan and the same errors as planning in process, a main
 * thread that keeps running while a 5,000-profile plan is made, and a crash that costs one plan.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProfilesText, type PlanProfilesInput } from '../../../app/config/plan-profiles';
import type { RoleEntry } from '../../../app/domain/accounts';
import type { SsoSession } from '../../../app/domain/session';
import { isLanyardError } from '../../../app/errors';
import { parse } from '../../../app/ini/document';
import type { ConfigSnapshot } from '../../../main/config/config-reader';
import { createPlanThread } from '../../../main/config/plan-thread';
import { planInProcess, type ProfilesPlanner } from '../../../main/config/profiles';
import { toIpcError } from '../../../main/ipc/dispatch';
import { buildPlanWorkers, type BuiltPlanWorkers } from '../../support/plan-worker/build';

const fixtures = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'aws-cli-2.9.19');
const corp: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: 'https://d-90677a1b2c.awsapps.com/start',
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
const legacy: SsoSession = { ...corp, name: 'legacy', kind: 'legacy-profile', scopes: [] };

function rolesOf(session: SsoSession, accounts: number, perAccount = 5): RoleEntry[] {
  const roles: RoleEntry[] = [];
  for (let i = 0; i < accounts; i++) {
    for (let j = 0; j < perAccount; j++) {
      roles.push({
        sessionName: session.name,
        accountId: String(100000000000 + i),
        accountName: `account-${i}`,
        emailAddress: `a${i}@example.com`,
        roleName: j === 0 ? 'AdministratorAccess' : `Role${j}`,
      });
    }
  }
  return roles;
}

/** A reading of the config as the desktop's reader hands it out. */
const snapshotOf = (text: string): ConfigSnapshot => ({
  text,
  exists: true,
  utf8: true,
  doc: () => parse(text),
  takeDoc: () => parse(text),
});

const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error('expected the plan to fail');
    },
    (e: unknown) => e,
  );

let built: BuiltPlanWorkers;
beforeAll(async () => {
  built = await buildPlanWorkers();
});
afterAll(() => built?.dispose());

describe('planning profiles in a worker thread', () => {
  it('gives the plan the in-process function gives, for the AWS CLI’s own configs', async () => {
    const thread = createPlanThread({ script: built.script });
    try {
      for (const [dir, session] of [
        ['sso-session', corp],
        ['legacy-profile', legacy],
      ] as const) {
        const text = await readFile(join(fixtures, dir, 'config'), 'utf8');
        const inputs: PlanProfilesInput[] = [
          { session, roles: rolesOf(session, 3) },
          { session, roles: rolesOf(session, 2), template: '{account_name}.{role}', region: 'eu-west-1' },
          { session, roles: rolesOf(session, 1, 1), prune: true },
        ];
        for (const input of inputs) {
          const inWorker = await thread.plan(snapshotOf(text), input, '/home/u/.aws/config');
          expect(inWorker).toEqual(planProfilesText(text, input, '/home/u/.aws/config'));
          expect(inWorker.diff).not.toBe('');
        }
      }
    } finally {
      await thread.close();
    }
  });

  it('rejects with the error the in-process plan throws: BAD_INPUT, or a bug as a bug', async () => {
    const thread = createPlanThread({ script: built.script });
    try {
      const text = '[default]\nregion = eu-west-1\n';
      const bad: PlanProfilesInput[] = [
        { session: corp, roles: rolesOf(corp, 1), template: '{nope}' },
        { session: corp, roles: rolesOf(corp, 1), region: 'us east' },
        // Not iterable: a TypeError inside the plan, which the renderer sees as INTERNAL.
        { session: corp, roles: 5 as unknown as RoleEntry[] },
      ];
      for (const input of bad) {
        const here = await failure(planInProcess(snapshotOf(text), input, 'config'));
        const there = await failure(thread.plan(snapshotOf(text), input, 'config'));
        expect(there).toBeInstanceOf(Error);
        expect((there as Error).name).toBe((here as Error).name);
        expect((there as Error).message).toBe((here as Error).message);
        expect(isLanyardError(there)).toBe(isLanyardError(here));
        expect(toIpcError(there, 'profiles.plan')).toEqual(toIpcError(here, 'profiles.plan'));
      }
      const e = await failure(thread.plan(snapshotOf(text), bad[0]!, 'config'));
      expect(isLanyardError(e) && e.code).toBe('BAD_INPUT');
    } finally {
      await thread.close();
    }
  });

  it('a worker that exits or throws fails its plan clearly; the next plan starts a new worker', async () => {
    const thread = createPlanThread({ script: built.faulty });
    const text = await readFile(join(fixtures, 'sso-session', 'config'), 'utf8');
    const good: PlanProfilesInput = { session: corp, roles: rolesOf(corp, 2) };
    try {
      for (const name of ['exit', 'throw']) {
        const e = await failure(thread.plan(snapshotOf(text), { ...good, session: { ...corp, name } }, 'c'));
        expect((e as Error).message).toMatch(
          name === 'exit'
            ? /profiles planner stopped: it exited \(code 3\)/
            : /stopped: a bug outside the plan/,
        );
        expect(toIpcError(e, 'profiles.plan').code).toBe('INTERNAL');
        expect(await thread.plan(snapshotOf(text), good, 'c')).toEqual(planProfilesText(text, good, 'c'));
      }
    } finally {
      await thread.close();
    }
  });

  it('a worker let go when idle is started again by the next plan', async () => {
    const thread = createPlanThread({ script: built.script, idleMs: 0 });
    const input: PlanProfilesInput = { session: corp, roles: rolesOf(corp, 1) };
    try {
      const first = await thread.plan(snapshotOf(''), input, 'config');
      // The idle timer fires after the reply: wait for a macrotask or two, not for a time.
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      expect(await thread.plan(snapshotOf(''), input, 'config')).toEqual(first);
    } finally {
      await thread.close();
    }
  });

  describe("the main thread's event loop while 5,000 profiles are planned", () => {
    const roles = rolesOf(corp, 1_000);
    const sso = `[sso-session corp]\nsso_start_url = ${corp.startUrl}\nsso_region = us-east-1\n`;
    // Every profile is written for another region, so the plan updates (and diffs) all 5,000.
    const before = planProfilesText(sso, { session: corp, roles, region: 'us-west-2' }).after;

    /**
     * How many times the event loop turns while `planner` plans. No clock: a plan that holds the
     * thread lets it turn not once, one in a worker lets it turn freely until the answer comes.
     */
    async function turnsWhilePlanning(planner: ProfilesPlanner): Promise<number> {
      let turns = 0;
      let planning = true;
      const spin = () => {
        if (!planning) return;
        turns++;
        setImmediate(spin);
      };
      setImmediate(spin);
      const plan = await planner(snapshotOf(before), { session: corp, roles }, 'config');
      planning = false;
      expect(plan.updated).toHaveLength(5_000);
      return turns;
    }

    it('keeps turning while the worker plans; in process the plan holds it throughout', async () => {
      const thread = createPlanThread({ script: built.script });
      try {
        await thread.plan(snapshotOf(before), { session: corp, roles }, 'config');
        expect(await turnsWhilePlanning(thread.plan)).toBeGreaterThanOrEqual(10);
      } finally {
        await thread.close();
      }
      // So the check can fail: the same plan in process lets the loop turn not once.
      expect(await turnsWhilePlanning(planInProcess)).toBe(0);
    });
  });
});
