/**
 * The desktop core's profiles preview and apply with the plan in a real worker thread: the same
 * preview, the same file and the same errors as the core planning in process, on configs the
 * AWS CLI wrote itself, and an apply that re-plans through the worker after a concurrent edit.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planProfilesText, type PlannedText } from '../../../app/config/plan-profiles';
import type { Account, RoleEntry } from '../../../app/domain/accounts';
import type { IpcResult, ProfilesPlanView } from '../../../app/ipc/contract';
import { writeRoleCache } from '../../../main/accounts/role-cache';
import { createPlanThread } from '../../../main/config/plan-thread';
import type { ProfilesPlanner } from '../../../main/config/profiles';
import { createDesktopCore, type DesktopCore } from '../../../main/desktop/core';
import { createServices } from '../../../main/services';
import { fakePlatform } from '../../support/fakes';
import { buildPlanWorkers, type BuiltPlanWorkers } from '../../support/plan-worker/build';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const APP = 'http://127.0.0.1/app';
const fixtures = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'aws-cli-2.9.19');
const accounts: Account[] = Array.from({ length: 4 }, (_, i) => ({
  accountId: String(100000000000 + i),
  accountName: `account-${i}`,
  emailAddress: `a${i}@example.com`,
}));

let built: BuiltPlanWorkers;
beforeAll(async () => {
  built = await buildPlanWorkers();
});
afterAll(() => built?.dispose());

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const noOpener = { open: () => Promise.resolve() };
const sessionIn = (sb: Sandbox, name: string) =>
  createServices({ paths: sb.paths, env: sb.env, opener: noOpener }).getSession(name);

type Fixture = { sb: Sandbox; session: string; roles: RoleEntry[]; text: string };

/** A sandbox holding the AWS CLI's config and a role cache for its session, as after a listing. */
async function fixture(dir: 'sso-session' | 'legacy-profile', session: string): Promise<Fixture> {
  const text = await readFile(join(fixtures, dir, 'config'), 'utf8');
  const sb = await createSandbox({ config: text });
  cleanup.push(() => sb.cleanup());
  const s = await sessionIn(sb, session);
  const roles = accounts.flatMap((a) =>
    ['AdministratorAccess', 'ReadOnly'].map((roleName) => ({ sessionName: s.name, ...a, roleName })),
  );
  await writeRoleCache(sb.paths, s, accounts, roles);
  return { sb, session, roles, text };
}

async function coreFor(f: Fixture, planWorker?: string): Promise<DesktopCore> {
  const core = createDesktopCore({
    paths: f.sb.paths,
    env: f.sb.env,
    platform: fakePlatform(),
    isTrustedSender: (u) => u === APP,
    ...(planWorker ? { planWorker } : {}),
  });
  cleanup.push(() => core.dispose());
  await core.start();
  return core;
}

/** The view minus its id, which is random per preview. */
const withoutId = (r: IpcResult<unknown>) => {
  if (!r.ok) return r;
  const { planId: _, ...rest } = r.value as ProfilesPlanView;
  return { ok: true, value: rest };
};

describe('profiles.plan / profiles.apply with the plan in a worker thread', () => {
  it.each([
    ['sso-session', 'corp'],
    ['legacy-profile', 'legacy'],
  ] as const)('%s: the same preview and the same file as planning in process', async (dir, session) => {
    const f = await fixture(dir, session);
    const inWorker = await coreFor(f, built.script);
    const inProcess = await coreFor(f);
    for (const req of [
      { session },
      { session, template: '{account_name}.{role}' },
      { session, roles: [{ accountId: '100000000000', roleName: 'AdministratorAccess' }], prune: true },
    ]) {
      const there = await inWorker.dispatch('profiles.plan', req, APP);
      expect(there.ok).toBe(true);
      expect(withoutId(there)).toEqual(withoutId(await inProcess.dispatch('profiles.plan', req, APP)));
    }
    const expected: PlannedText = planProfilesText(
      f.text,
      {
        session: await sessionIn(f.sb, session),
        roles: f.roles,
      },
      f.sb.paths.awsConfigFile,
    );
    const plan = await inWorker.dispatch('profiles.plan', { session }, APP);
    if (!plan.ok) throw new Error(plan.error.message);
    expect((plan.value as ProfilesPlanView).diff).toBe(expected.diff);
    const applied = await inWorker.dispatch(
      'profiles.apply',
      { planId: (plan.value as ProfilesPlanView).planId },
      APP,
    );
    expect(applied).toMatchObject({ ok: true, value: { written: true } });
    expect(await f.sb.readConfig()).toBe(expected.after);
  });

  it('a bad template or region reaches the renderer exactly as from the in-process plan', async () => {
    const f = await fixture('sso-session', 'corp');
    const inWorker = await coreFor(f, built.script);
    const inProcess = await coreFor(f);
    const there = await inWorker.dispatch('profiles.plan', { session: 'corp', template: '{nope}' }, APP);
    expect(there).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(there).toEqual(
      await inProcess.dispatch('profiles.plan', { session: 'corp', template: '{nope}' }, APP),
    );
  });

  it('a crashed worker fails one preview as INTERNAL, and the next preview works', async () => {
    // The faulty worker crashes on a session named "exit": a legacy profile of that name.
    const text = (await readFile(join(fixtures, 'legacy-profile', 'config'), 'utf8')).replace(
      '[profile legacy]',
      '[profile exit]',
    );
    const f = await fixture('legacy-profile', 'legacy');
    await writeFile(f.sb.paths.awsConfigFile, `${f.text}\n${text}`);
    const exit = { ...f, session: 'exit' };
    const s = await sessionIn(f.sb, 'exit');
    await writeRoleCache(
      f.sb.paths,
      s,
      accounts,
      f.roles.map((r) => ({ ...r, sessionName: 'exit' })),
    );
    const core = await coreFor(exit, built.faulty);
    const crashed = await core.dispatch('profiles.plan', { session: 'exit' }, APP);
    expect(crashed).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside Lanyard.' },
    });
    const next = await core.dispatch('profiles.plan', { session: 'legacy' }, APP);
    expect(next).toMatchObject({
      ok: true,
      value: { added: expect.arrayContaining(['ReadOnly-100000000000']) as string[] },
    });
  });

  it('apply plans again through the worker when another program edited the file', async () => {
    const f = await fixture('sso-session', 'corp');
    const thread = createPlanThread({ script: built.script });
    cleanup.push(() => thread.close());
    let planned = 0;
    const counting: ProfilesPlanner = (config, input, fileName) => {
      planned++;
      return thread.plan(config, input, fileName);
    };
    const services = createServices({
      paths: f.sb.paths,
      opener: noOpener,
      planner: counting,
    });
    const plan = await services.planProfiles({ session: await services.getSession('corp'), roles: f.roles });
    const edited = `${f.text}\n[profile added-meanwhile]\nregion = sa-east-1\n`;
    await writeFile(f.sb.paths.awsConfigFile, edited);
    expect(await services.applyProfilesPlan(plan)).toMatchObject({ written: true });
    expect(planned).toBe(2);
    const text = await f.sb.readConfig();
    expect(text.startsWith(edited)).toBe(true);
    expect(text).toContain('[profile ReadOnly-100000000003]');
  });
});
