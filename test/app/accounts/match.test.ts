import { describe, expect, test } from 'vitest';
import { filterRoles, matchAccount, resolveRole } from '../../../app/accounts/match';
import type { RoleEntry } from '../../../app/domain/accounts';
import { LanyardError } from '../../../app/errors';

const role = (accountId: string, accountName: string, roleName: string): RoleEntry => ({
  sessionName: 'corp',
  accountId,
  accountName,
  emailAddress: `${accountName}@example.com`,
  roleName,
});

const roles: RoleEntry[] = [
  role('111111111111', 'prod', 'AdministratorAccess'),
  role('111111111111', 'prod', 'ReadOnlyAccess'),
  role('222222222222', 'production-data', 'ReadOnlyAccess'),
  role('333333333333', 'Staging', 'PowerUserAccess'),
  role('444444444444', 'sandbox-alice', 'AdministratorAccess'),
  role('555555555555', 'sandbox-bob', 'AdministratorAccess'),
];

function failure(f: () => unknown): LanyardError {
  try {
    f();
  } catch (e) {
    if (e instanceof LanyardError) return e;
    throw e;
  }
  throw new Error('expected a LanyardError');
}

describe('matching ACCOUNT and ROLE', () => {
  test('id, exact name (beating a longer prefix match), case-insensitive name', () => {
    expect(resolveRole(roles, '222222222222', 'ReadOnlyAccess').accountName).toBe('production-data');
    expect(resolveRole(roles, 'prod', 'ReadOnlyAccess').accountId).toBe('111111111111');
    expect(resolveRole(roles, 'staging', 'poweruseraccess').accountId).toBe('333333333333');
  });

  test('unique prefix and fuzzy', () => {
    expect(resolveRole(roles, 'produc', 'read').accountId).toBe('222222222222');
    expect(resolveRole(roles, 'sbxalice', 'admin').accountId).toBe('444444444444');
  });

  test('ambiguous prefix lists candidates', () => {
    const e = failure(() =>
      matchAccount([...new Map(roles.map((r) => [r.accountId, r])).values()], 'sandbox'),
    );
    expect(e.code).toBe('AMBIGUOUS');
    expect(e.details?.candidates).toEqual(['sandbox-alice (444444444444)', 'sandbox-bob (555555555555)']);
  });

  test('unknown account or role is NOT_FOUND with candidates', () => {
    expect(failure(() => resolveRole(roles, 'nope-zzz', 'x')).code).toBe('NOT_FOUND');
    const e = failure(() => resolveRole(roles, 'prod', 'Billing'));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('prod (111111111111)');
    expect(e.details?.candidates).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);
  });

  test('blank input is BAD_INPUT', () => {
    expect(failure(() => resolveRole(roles, '  ', 'x')).code).toBe('BAD_INPUT');
  });

  test('filter needs every word', () => {
    expect(filterRoles(roles, 'sandbox admin').map((r) => r.accountName)).toEqual([
      'sandbox-alice',
      'sandbox-bob',
    ]);
    expect(filterRoles(roles, '').length).toBe(roles.length);
  });
});
