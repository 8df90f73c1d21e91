import { afterAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import type { SsoSession } from '../../../app/domain/session';
import { registrationCacheKey, tokenFileName } from '../../../main/auth/cache-names';
import { pyJsonDumps } from '../../../main/auth/py-json';
import {
  readRegistration,
  serializeRegistration,
  writeRegistration,
} from '../../../main/auth/registration-cache';
import { parseCacheTime } from '../../../main/auth/timestamps';
import { parseToken, readTokenFile, serializeToken, writeTokenFile } from '../../../main/auth/token-cache';
import { createSandbox } from '../../support/sandbox';

const fixtures = '/work/shared/fixtures/aws-cli-2.9.19';
const startUrl = 'https://d-90677a1b2c.awsapps.com/start';
const corp: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl,
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
const legacy: SsoSession = {
  name: 'legacy',
  kind: 'legacy-profile',
  startUrl,
  region: 'us-east-1',
  scopes: [],
};

const sandbox = await createSandbox();
afterAll(() => sandbox.cleanup());

const fixture = (p: string) => readFile(join(fixtures, p), 'utf8');

describe('file names', () => {
  test('token files are named like the AWS CLI names them', () => {
    expect(tokenFileName(corp)).toBe('ee0bfd2552fbd840c02cc48b6e823320543c450f.json');
    expect(tokenFileName(legacy)).toBe('b852cd6870aaf4fadd774a86f2624fd71b2b1d45.json');
    expect(tokenFileName({ ...corp, name: 'my-sso' })).toBe('0ad374308c5a4e22f723adf10145eafad7c4031c.json');
  });
  test('registration files are named like the AWS CLI names them', () => {
    expect(registrationCacheKey(corp)).toBe('8ff2962248934221f50e5c5fe730e93a9ecbb5f5');
    expect(registrationCacheKey(legacy)).toBe('e76f76d9d197df6c6fbcb64cd73e47f8a6a2783e');
    const doc = { ...corp, name: 'my-sso', startUrl: 'https://d-1234567890.awsapps.com/start' };
    expect(registrationCacheKey(doc)).toBe('a8343d65418848d0bc13a5f25cbb32508ceec5d1');
  });
});

describe('what the AWS CLI wrote reads back and re-serializes to the same bytes', () => {
  for (const p of [
    'sso-session/ee0bfd2552fbd840c02cc48b6e823320543c450f.json',
    'legacy-profile/b852cd6870aaf4fadd774a86f2624fd71b2b1d45.json',
  ]) {
    test(p, async () => {
      const text = await fixture(p);
      const parsed = parseToken(JSON.parse(text) as Record<string, unknown>);
      if ('reason' in parsed) throw new Error(parsed.reason);
      expect(serializeToken(parsed.token)).toBe(text);
    });
  }
  for (const p of [
    'sso-session/8ff2962248934221f50e5c5fe730e93a9ecbb5f5.json',
    'legacy-profile/e76f76d9d197df6c6fbcb64cd73e47f8a6a2783e.json',
  ]) {
    test(p, async () => {
      const text = await fixture(p);
      const sess = p.startsWith('sso') ? corp : legacy;
      const dir = await createSandbox();
      try {
        await writeFile(join(dir.paths.ssoCacheDir, `${registrationCacheKey(sess)}.json`), text);
        const reg = await readRegistration(dir.paths, sess);
        expect(reg).toBeDefined();
        expect(serializeRegistration(reg!)).toBe(text);
      } finally {
        await dir.cleanup();
      }
    });
  }
});

test('a freshly written token file matches the fixture key for key, 0600 in a 0700 folder', async () => {
  const sb = await createSandbox();
  try {
    await chmod(sb.awsDir, 0o755);
    await import('node:fs/promises').then((fs) => fs.rm(join(sb.awsDir, 'sso'), { recursive: true }));
    await writeTokenFile(sb.paths, corp, {
      startUrl,
      region: 'us-east-1',
      accessToken: 'aoaNEWTOKENxxxxxxxxxxxxxxxxxxxxxxx',
      expiresAt: Date.UTC(2026, 10, 22, 11, 17, 37, 456),
      clientId: 'cid',
      clientSecret: 'csecret',
      registrationExpiresAt: Date.UTC(2027, 1, 20, 3, 17, 31),
      refreshToken: 'aorREFRESHxxxxxxxxxxxxxxxxxxxxxxx',
    });
    const file = sb.cacheFile(tokenFileName(corp));
    const written = await readFile(file, 'utf8');
    const ours = JSON.parse(written) as Record<string, string>;
    const theirs = JSON.parse(
      await fixture('sso-session/ee0bfd2552fbd840c02cc48b6e823320543c450f.json'),
    ) as Record<string, string>;
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    expect(ours.expiresAt).toBe('2026-11-22T11:17:37Z');
    expect(ours.registrationExpiresAt).toBe('2027-02-20T03:17:31Z');
    expect(written).toMatch(/^\{"startUrl": "https:\/\/d-90677a1b2c\.awsapps\.com\/start", "region": /);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(sb.paths.ssoCacheDir)).mode & 0o777).toBe(0o700);
  } finally {
    await sb.cleanup();
  }
});

test('a registration is written in the CLI layout, grantTypes only for the auth-code flow', async () => {
  await writeRegistration(sandbox.paths, corp, {
    clientId: 'cid',
    clientSecret: 'sec',
    expiresAt: Date.UTC(2027, 1, 20, 3, 17, 31),
    scopes: ['sso:account:access'],
    grantTypes: ['authorization_code', 'refresh_token'],
  });
  expect(await readFile(sandbox.cacheFile('8ff2962248934221f50e5c5fe730e93a9ecbb5f5.json'), 'utf8')).toBe(
    '{"clientId": "cid", "clientSecret": "sec", "expiresAt": "2027-02-20T03:17:31Z", "scopes": ["sso:account:access"], "grantTypes": ["authorization_code", "refresh_token"]}',
  );
});

describe('tokens written by other tools are read', () => {
  const base = { startUrl, region: 'us-east-1', accessToken: 'aoaXXXXXXXXXXXXXXXXXXXXXXXXX' };
  const at = Date.UTC(2024, 0, 1, 8, 0, 0);
  test.each([
    ['AWS CLI', '2024-01-01T08:00:00Z', at],
    ['JS SDK refresh', '2024-01-01T08:00:00.123Z', at + 123],
    ['isoformat', '2024-01-01T08:00:00+00:00', at],
    ['other offset', '2024-01-01T10:00:00+02:00', at],
    ['CLI before Dec 2020', '2024-01-01T08:00:00UTC', at],
  ])('%s: %s', async (_who, expiresAt, ms) => {
    const json = JSON.stringify({ ...base, expiresAt }, null, 2);
    await writeFile(sandbox.cacheFile(tokenFileName(corp)), json);
    const read = await readTokenFile(sandbox.paths, corp);
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(read.token.expiresAt).toBe(ms);
  });

  test.each([
    ['not JSON', '{"accessToken": ', 'is not valid JSON'],
    ['an array', '[]', 'is not a JSON object'],
    ['no accessToken', '{"expiresAt": "2024-01-01T08:00:00Z"}', 'has no accessToken'],
    ['no offset', '{"accessToken": "x", "expiresAt": "2024-01-01T08:00:00"}', 'unreadable expiresAt'],
    ['no expiresAt', '{"accessToken": "x"}', 'has no expiresAt'],
  ])('%s is reported and left untouched', async (_what, text, reason) => {
    const file = sandbox.cacheFile(tokenFileName(corp));
    await writeFile(file, text);
    const read = await readTokenFile(sandbox.paths, corp);
    expect(read.kind).toBe('invalid');
    if (read.kind === 'invalid') expect(read.reason).toContain(reason);
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});

test('parseCacheTime refuses nonsense', () => {
  for (const bad of ['', 'tomorrow', '2024-13-01T00:00:00Z', '2024-02-30T00:00:00Z', 42, null])
    expect(parseCacheTime(bad)).toBeUndefined();
});

test('pyJsonDumps matches Python json.dumps for any strings and keys', () => {
  const samples = fc.sample(
    fc.dictionary(
      fc.string({ unit: 'binary-ascii' }).filter((s) => s.length > 0),
      fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(fc.string()), fc.constant(null), fc.integer()),
    ),
    40,
  );
  samples.push({ é: 'ü😀\u2028</script>', tab: '\t\u0000\u007f' });
  const expected = execFileSync(
    'python3',
    ['-c', 'import json,sys\nfor d in json.load(sys.stdin): print(json.dumps(d, sort_keys=True))'],
    { input: JSON.stringify(samples), encoding: 'utf8' },
  ).split('\n');
  samples.forEach((s, i) => expect(pyJsonDumps(s, { sortKeys: true })).toBe(expected[i]));
});
