import { expect, test } from 'vitest';
import { generateOrg, parseOrg, startEmulator } from '../../emulator/index';

test('generateOrg is deterministic per seed, unique, and realistic', () => {
  const a = generateOrg(300, [1, 4], 9);
  expect(generateOrg(300, [1, 4], 9)).toEqual(a);
  expect(generateOrg(300, [1, 4], 10)).not.toEqual(a);
  expect(new Set(a.accounts.map((x) => x.accountId)).size).toBe(300);
  expect(new Set(a.accounts.map((x) => x.accountName)).size).toBe(300);
  for (const acc of a.accounts) {
    expect(acc.accountId).toMatch(/^\d{12}$/);
    expect(acc.emailAddress).toBe(`aws+${acc.accountName}@example.com`);
    expect(acc.roles.length).toBeGreaterThanOrEqual(1);
    expect(acc.roles.length).toBeLessThanOrEqual(4);
    expect(new Set(acc.roles).size).toBe(acc.roles.length);
  }
  expect(a.accounts[0]!.accountName).toBe('management');
  expect(a.accounts.some((x) => x.accountName.endsWith('-prod'))).toBe(true);
  expect(generateOrg(5, 2).accounts.every((x) => x.roles.length === 2)).toBe(true);
});

test('bad generate arguments and bad org specs say what is wrong', async () => {
  expect(() => generateOrg(-1)).toThrow(/accounts must be a whole number/);
  expect(() => generateOrg(3, [4, 2])).toThrow(/backwards/);
  expect(() => generateOrg(3, 99)).toThrow(/rolesPerAccount/);
  const acc = { accountId: '111122223333', accountName: 'a', emailAddress: 'a@example.com', roles: ['R'] };
  expect(() => parseOrg({ accounts: [acc, acc] })).toThrow(/appears twice/);
  expect(() => parseOrg({ accounts: [{ ...acc, roles: ['has space'] }] })).toThrow(/role names/);
  await expect(startEmulator({ pageSize: 0 })).rejects.toThrow(/pageSize/);
  await expect(startEmulator({ accessTokenTtlSeconds: -5 })).rejects.toThrow(/accessTokenTtlSeconds/);
});

test('the default org has 12 accounts with 1-4 roles', async () => {
  const emu = await startEmulator();
  try {
    const org = emu.control.org();
    expect(org.accounts).toHaveLength(12);
    expect(emu.env).toEqual({ AWS_ENDPOINT_URL_SSO_OIDC: emu.url, AWS_ENDPOINT_URL_SSO: emu.url });
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  } finally {
    await emu.close();
  }
});
