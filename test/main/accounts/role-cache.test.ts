import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Account, RoleEntry } from '../../../app/domain/accounts';
import { compareRoles } from '../../../app/domain/role-order';
import { readRoleCache, roleCacheFile, writeRoleCache } from '../../../main/accounts/role-cache';
import { session } from '../../support/portal-session';
import { createSandbox, type Sandbox } from '../../support/sandbox';

// Names that a plain string sort gets wrong: numbers, case, and one name on two accounts.
const accounts: Account[] = [
  { accountId: '333333333333', accountName: 'prod-10', emailAddress: 'c@example.com' },
  { accountId: '222222222222', accountName: 'prod-9', emailAddress: 'b@example.com' },
  { accountId: '111111111111', accountName: 'Alpha', emailAddress: 'a@example.com' },
  { accountId: '444444444444', accountName: 'prod-9', emailAddress: 'd@example.com' },
  { accountId: '555555555555', accountName: 'no-roles', emailAddress: 'e@example.com' },
];
const roleNames: Record<string, string[]> = {
  '333333333333': ['ReadOnly', 'Admin'],
  '222222222222': ['Role10', 'Role9'],
  '111111111111': ['admin'],
  '444444444444': ['Admin'],
};
// Listed out of order, as a listing in progress would hold them.
const roles: RoleEntry[] = accounts.flatMap((a) =>
  (roleNames[a.accountId] ?? []).map((roleName) => ({ sessionName: session.name, ...a, roleName })),
);
const inOrder = [...roles].sort(compareRoles);
const label = (r: RoleEntry) => `${r.accountName}/${r.accountId}/${r.roleName}`;

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createSandbox({});
});
afterEach(async () => {
  await sandbox.cleanup();
});

describe('the role cache keeps the one order', () => {
  test('written in order and read back in it, every account kept', async () => {
    await writeRoleCache(sandbox.paths, session, accounts, roles);
    const back = await readRoleCache(sandbox.paths, session);
    expect(back?.roles.map(label)).toEqual(inOrder.map(label));
    expect(back?.roles.map(label).slice(0, 3)).toEqual([
      'Alpha/111111111111/admin',
      'prod-9/222222222222/Role9',
      'prod-9/222222222222/Role10',
    ]);
    expect(back?.accounts.map((a) => a.accountId).sort()).toEqual(accounts.map((a) => a.accountId).sort());
  });

  test('a file from before the order was stored (no marker) is sorted on read', async () => {
    await writeRoleCache(sandbox.paths, session, accounts, roles);
    const file = roleCacheFile(sandbox.paths, session.name);
    const data = JSON.parse(await readFile(file, 'utf8')) as { accounts: unknown[]; sorted?: boolean };
    delete data.sorted;
    data.accounts.reverse();
    await writeFile(file, JSON.stringify(data));
    const back = await readRoleCache(sandbox.paths, session);
    expect(back?.roles.map(label)).toEqual(inOrder.map(label));
  });
});
