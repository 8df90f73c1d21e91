import { describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../../app/domain/accounts';
import {
  accountRoleKey,
  makeRoleKey,
  parseRoleKey,
  roleKeyOf,
  roleKeyPattern,
} from '../../../app/domain/role-key';
import { compareRoles, sortRoles } from '../../../app/domain/role-order';
import { buildRoleIndex } from '../../../app/search';
import { settingsPatchSchema } from '../../../app/settings/schema';

const role = (accountName: string, roleName: string, accountId = '111111111111'): RoleEntry => ({
  sessionName: 'acme',
  accountName,
  accountId,
  roleName,
  emailAddress: 'x@example.com',
});

describe('role key', () => {
  it('round-trips and is what settings accept', () => {
    const key = makeRoleKey('acme', '123456789012', 'Admin');
    expect(key).toBe('acme/123456789012/Admin');
    expect(parseRoleKey(key)).toEqual({ session: 'acme', accountId: '123456789012', roleName: 'Admin' });
    expect(roleKeyPattern.test(key)).toBe(true);
    expect(settingsPatchSchema.safeParse({ favorites: [key] }).success).toBe(true);
    expect(roleKeyOf(role('a', 'Admin', '123456789012'))).toBe('acme/123456789012/Admin');
    expect(accountRoleKey({ accountId: '123456789012', roleName: 'Admin' })).toBe('123456789012/Admin');
  });

  it('refuses keys without three parts', () => {
    for (const bad of ['', 'acme', 'acme/123456789012', '/123456789012/Admin', 'acme//Admin'])
      expect(parseRoleKey(bad)).toBeUndefined();
  });
});

describe('role order: one natural order everywhere', () => {
  const roles = [role('prod-10', 'Admin'), role('prod-9', 'Admin'), role('Prod-1', 'b'), role('prod-1', 'A')];

  it('puts prod-9 before prod-10 and ignores case', () => {
    expect(sortRoles([...roles]).map((r) => `${r.accountName}:${r.roleName}`)).toEqual([
      'prod-1:A',
      'Prod-1:b',
      'prod-9:Admin',
      'prod-10:Admin',
    ]);
    expect(compareRoles(role('prod-9', 'x'), role('prod-10', 'x'))).toBeLessThan(0);
  });

  it('is the order of the window (search index) and the CLI (sortRoles)', () => {
    const window = buildRoleIndex(roles).items.map((i) => i.role);
    expect(window).toEqual(sortRoles([...roles]));
  });
});
