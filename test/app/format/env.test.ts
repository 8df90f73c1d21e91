import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  credentialEnv,
  formatEnv,
  isoExpiration,
  quoteDotenv,
  quotePowerShell,
} from '../../../app/format/env';
import { formatCredentialProcess } from '../../../app/format/credential-process';
import { isLanyardError } from '../../../app/errors';

const hostile = [
  `it's`,
  `"double"`,
  '$(touch /tmp/lanyard-pwned)',
  '`id`',
  '${HOME}',
  'back\\slash\\',
  'line1\nline2\n',
  'tab\tand\rcr',
  '%PATH%!x!',
  "''''",
  "\\'",
  'uni\u2019code ✓ 🚀',
  ' leading and trailing ',
  '-n',
  '',
  '; echo hacked #',
];

const creds = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
  secretAccessKey: 'abc/DEF+ghi=',
  sessionToken: 'IQoJb3JpZ2luX2VjE//+token==',
  expiration: Date.UTC(2026, 10, 22, 4, 17, 42, 999),
};

/** Evaluates the rendered text in a real shell and reads each variable back, NUL-separated. */
function readBack(shell: 'bash' | 'fish', values: string[]): string[] {
  const vars = values.map((v, i): [string, string] => [`V${i}`, v]);
  const script =
    formatEnv(vars, shell === 'bash' ? 'posix' : 'fish') +
    vars.map(([n]) => `printf '%s\\0' "$${n}"\n`).join('');
  // A file, not stdin: fish refuses to read a script from the socket Node gives a child as stdin.
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-env-'));
  const file = join(dir, 'script');
  writeFileSync(file, script);
  const args = shell === 'bash' ? ['--norc', '--noprofile', file] : ['--no-config', file];
  const r = spawnSync(shell, args, { encoding: 'utf8', cwd: dir });
  rmSync(dir, { recursive: true, force: true });
  expect(r.stderr).toBe('');
  return r.stdout.split('\0').slice(0, -1);
}

describe('env formats', () => {
  test('expiration is the AWS CLI form: whole seconds, +00:00', () => {
    expect(isoExpiration(creds.expiration)).toBe('2026-11-22T04:17:42+00:00');
  });

  test('variables in the AWS CLI order, region only when chosen', () => {
    expect(credentialEnv(creds).map(([n]) => n)).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_CREDENTIAL_EXPIRATION',
    ]);
    expect(credentialEnv(creds, 'eu-west-1').slice(4)).toEqual([
      ['AWS_REGION', 'eu-west-1'],
      ['AWS_DEFAULT_REGION', 'eu-west-1'],
    ]);
  });

  test('every format renders real credentials', () => {
    const vars = credentialEnv(creds, 'us-east-1');
    expect(formatEnv(vars, 'posix')).toContain(`export AWS_SECRET_ACCESS_KEY='abc/DEF+ghi='\n`);
    expect(formatEnv(vars, 'fish')).toContain(`set -gx AWS_REGION 'us-east-1'\n`);
    expect(formatEnv(vars, 'powershell')).toContain(`$Env:AWS_ACCESS_KEY_ID='ASIAEXAMPLEEXAMPLE12'\n`);
    expect(formatEnv(vars, 'cmd')).toContain(`set "AWS_CREDENTIAL_EXPIRATION=2026-11-22T04:17:42+00:00"\r\n`);
    expect(formatEnv(vars, 'dotenv')).toContain(`AWS_SESSION_TOKEN='IQoJb3JpZ2luX2VjE//+token=='\n`);
    expect(JSON.parse(formatEnv(vars, 'json'))).toEqual(Object.fromEntries(vars));
  });

  test('bash reads hostile values back byte-exact', () => {
    expect(readBack('bash', hostile)).toEqual(hostile);
  });

  test('fish reads hostile values back byte-exact', () => {
    expect(readBack('fish', hostile)).toEqual(hostile);
  });

  test('bash and fish read arbitrary printable values back byte-exact', () => {
    const values = fc.sample(
      fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/[\0\uf600-\uf8ff]/.test(s)),
      { numRuns: 300, seed: 42 },
    );
    expect(readBack('bash', values)).toEqual(values);
    expect(readBack('fish', values)).toEqual(values);
  });

  test('PowerShell doubles every kind of single quote', () => {
    expect(quotePowerShell(`a'b\u2019c`)).toBe(`'a''b\u2019\u2019c'`);
  });

  test('dotenv falls back to escaped double quotes', () => {
    expect(quoteDotenv('plain $x')).toBe(`'plain $x'`);
    expect(quoteDotenv(`it's\n"$x"`)).toBe(`"it's\\n\\"\\$x\\""`);
  });

  test('cmd refuses values it would expand', () => {
    try {
      formatEnv([['X', '%PATH%']], 'cmd');
      expect.fail('should throw');
    } catch (e) {
      expect(isLanyardError(e) && e.code).toBe('BAD_INPUT');
    }
  });

  test('a NUL byte is refused in every format', () => {
    expect(() => formatEnv([['X', 'a\0b']], 'posix')).toThrow(/NUL/);
  });

  test('credential_process output is the AWS CLI process format', () => {
    expect(formatCredentialProcess(creds)).toBe(
      `{\n  "Version": 1,\n  "AccessKeyId": "ASIAEXAMPLEEXAMPLE12",\n  "SecretAccessKey": "abc/DEF+ghi=",\n` +
        `  "SessionToken": "IQoJb3JpZ2luX2VjE//+token==",\n  "Expiration": "2026-11-22T04:17:42+00:00"\n}\n`,
    );
  });
});
