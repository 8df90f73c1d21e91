import { describe, expect, test } from 'vitest';
import { matchAccount, matchRole, nameWords, resolveRole } from '../../../app/accounts/match';
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

async function failure(f: () => Promise<unknown>): Promise<LanyardError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof LanyardError) return e;
    throw e;
  }
  throw new Error('expected a LanyardError');
}

describe('matching ACCOUNT and ROLE', () => {
  test('id, exact name (beating a longer prefix match), case-insensitive name', async () => {
    expect((await resolveRole(roles, '222222222222', 'ReadOnlyAccess')).accountName).toBe('production-data');
    expect((await resolveRole(roles, 'prod', 'ReadOnlyAccess')).accountId).toBe('111111111111');
    expect((await resolveRole(roles, 'staging', 'poweruseraccess')).accountId).toBe('333333333333');
  });

  test('unique prefix and fuzzy', async () => {
    expect((await resolveRole(roles, 'produc', 'read')).accountId).toBe('222222222222');
    expect((await resolveRole(roles, 'sbxalice', 'admin')).accountId).toBe('444444444444');
  });

  test('ambiguous prefix lists candidates', async () => {
    const e = await failure(() =>
      matchAccount([...new Map(roles.map((r) => [r.accountId, r])).values()], 'sandbox'),
    );
    expect(e.code).toBe('AMBIGUOUS');
    expect(e.details?.candidates).toEqual(['sandbox-alice (444444444444)', 'sandbox-bob (555555555555)']);
  });

  test('unknown account or role is NOT_FOUND with candidates', async () => {
    expect((await failure(() => resolveRole(roles, 'nope-zzz', 'x'))).code).toBe('NOT_FOUND');
    const e = await failure(() => resolveRole(roles, 'prod', 'Billing'));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('prod (111111111111)');
    expect(e.details?.candidates).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);
  });

  test('blank input is BAD_INPUT', async () => {
    expect((await failure(() => resolveRole(roles, '  ', 'x'))).code).toBe('BAD_INPUT');
  });

  test('words of a name: separators and camelCase', () => {
    expect(nameWords('NetworkAdministrator')).toEqual(['network', 'administrator']);
    expect(nameWords('payments-prod_2.eu/x')).toEqual(['payments', 'prod', '2', 'eu', 'x']);
    expect(nameWords('AWSReadOnlyAccess')).toEqual(['aws', 'read', 'only', 'access']);
  });

  const acct = { accountId: '666666666666', accountName: 'net' };
  const inNet = (...names: string[]) => names.map((n) => role(acct.accountId, acct.accountName, n));
  const pickRole = async (names: string[], q: string) => (await matchRole(inNet(...names), acct, q)).roleName;

  test('a bare "admin" prefers a whole word, then a prefix, over a fuzzy NetworkAdministrator', async () => {
    expect(await pickRole(['NetworkAdministrator', 'Admin-Team'], 'admin')).toBe('Admin-Team');
    expect(await pickRole(['NetworkAdministrator', 'AdministratorAccess'], 'admin')).toBe(
      'AdministratorAccess',
    );
    // A whole word beats a prefix of the name.
    expect(await pickRole(['AdministratorAccess', 'DataAdmin'], 'admin')).toBe('DataAdmin');
    expect(await pickRole(['NetworkAdministrator', 'ReadOnlyAccess'], 'administrator')).toBe(
      'NetworkAdministrator',
    );
    expect(await pickRole(['ReadOnlyAccess', 'DataReader'], 'read only')).toBe('ReadOnlyAccess');
  });

  test('several equally good at the best level are AMBIGUOUS, with candidates', async () => {
    const e = await failure(() =>
      pickRole(['NetworkAdministrator', 'SystemAdministrator', 'Billing'], 'admin'),
    );
    expect(e.code).toBe('AMBIGUOUS');
    expect(e.details?.candidates).toEqual(['NetworkAdministrator', 'SystemAdministrator']);
    const w = await failure(() => pickRole(['ReadOnlyAccess', 'PowerUserAccess', 'Billing'], 'access'));
    expect(w.code).toBe('AMBIGUOUS');
    expect(w.details?.candidates).toEqual(['ReadOnlyAccess', 'PowerUserAccess']);
    // An exact name still wins over the same text as a word elsewhere.
    expect(await pickRole(['Admin', 'Admin-Team', 'NetworkAdmin'], 'admin')).toBe('Admin');
  });

  test('a word of an account name picks it; a word shared by two is AMBIGUOUS', async () => {
    expect((await resolveRole(roles, 'alice', 'admin')).accountId).toBe('444444444444');
    const e = await failure(() =>
      resolveRole([...roles, role('777777777777', 'alice-prod', 'Billing')], 'alice', 'x'),
    );
    expect(e.code).toBe('AMBIGUOUS');
    expect(e.details?.candidates).toEqual(['sandbox-alice (444444444444)', 'alice-prod (777777777777)']);
  });
});
