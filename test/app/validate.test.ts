import { describe, expect, it } from 'vitest';
import { profileName, sanitizeProfileName, validateProfileTemplate } from '../../app/config/profile-name';
import {
  validateProfileName,
  validateRegion,
  validateSessionName,
  validateStartUrl,
} from '../../app/validate';

const message = (v: { ok: boolean; message?: string }) => (v.ok ? 'ok' : v.message);

describe('validateStartUrl', () => {
  it('accepts portal URLs as typed', () => {
    expect(validateStartUrl(' https://d-1234567890.awsapps.com/start ')).toEqual({
      ok: true,
      value: 'https://d-1234567890.awsapps.com/start',
    });
  });
  it('suggests fixes for common mistakes', () => {
    expect(message(validateStartUrl('d-1.awsapps.com/start'))).toMatch('https://d-1.awsapps.com/start');
    expect(message(validateStartUrl('http://d-1.awsapps.com/start'))).toMatch(
      'https://d-1.awsapps.com/start',
    );
    expect(message(validateStartUrl('https://d-1.awsapps.com/start/#/'))).toMatch(
      'https://d-1.awsapps.com/start',
    );
    expect(message(validateStartUrl('ftp://d-1.awsapps.com/'))).toMatch(/https/);
    expect(message(validateStartUrl(''))).toMatch(/access portal URL/);
    expect(message(validateStartUrl('https://localhost/start'))).toMatch(/full host name/);
  });
});

describe('validateRegion', () => {
  it.each(['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'eusc-de-east-1', 'us-isob-east-1'])(
    'accepts %s',
    (r) => expect(validateRegion(r).ok).toBe(true),
  );
  it('explains what is wrong', () => {
    expect(message(validateRegion('US-EAST-1'))).toMatch('us-east-1');
    expect(message(validateRegion('us-east-1a'))).toMatch(/availability zone.*us-east-1/);
    expect(message(validateRegion('mars'))).toMatch(/us-east-1/);
  });
});

describe('names', () => {
  it('accept what both botocore and the JS SDK parse', () => {
    for (const n of ['corp', 'a.b@c+d%e:f/g_h-1']) {
      expect(validateSessionName(n).ok).toBe(true);
      expect(validateProfileName(n).ok).toBe(true);
    }
  });
  it('reject the rest with a hint', () => {
    expect(message(validateProfileName('my profile'))).toMatch('my-profile');
    expect(message(validateProfileName('__proto__'))).toMatch(/cannot be used/);
    expect(message(validateSessionName('a"b'))).toMatch(/not "/);
    expect(message(validateSessionName('ünï'))).toMatch(/letters, digits/);
  });
});

describe('profileName', () => {
  const parts = {
    accountId: '123456789012',
    accountName: 'Acme Prod (EU)',
    roleName: 'AdministratorAccess',
    sessionName: 'corp',
  };
  it('defaults to what aws configure sso proposes', () => {
    expect(profileName(undefined, parts)).toBe('AdministratorAccess-123456789012');
  });
  it('fills placeholders and sanitizes the result', () => {
    expect(profileName('{session}/{account_name}/{role}', parts)).toBe(
      'corp/Acme-Prod-EU/AdministratorAccess',
    );
    expect(sanitizeProfileName('Café Öl')).toBe('Cafe-Ol');
    expect(sanitizeProfileName('__proto__')).toBe('__proto__-profile');
    for (const n of ['a b', '[x]', 'ü"\'#;=']) {
      const s = sanitizeProfileName(n);
      if (s !== '') expect(validateProfileName(s).ok).toBe(true);
    }
  });
  it('validates templates', () => {
    expect(validateProfileTemplate('{role}-{account_name}').ok).toBe(true);
    expect(message(validateProfileTemplate('{rol}-{account_id}'))).toMatch(/Unknown placeholder \{rol\}/);
    expect(message(validateProfileTemplate('{account_id}'))).toMatch(/\{role\}/);
  });
});
