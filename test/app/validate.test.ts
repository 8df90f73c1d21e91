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
  it.each([
    'https://d-0000000000.awsapps.com/start',
    'https://my-company.awsapps.com/start',
    'https://start.us-gov-home.awsapps.com/directory/d-1234567890',
    'https://d-9067642ac7.awsapps.cn/start',
    'https://ssoins-7223c1ab2b3e2c10.portal.us-east-1.app.aws',
    'https://d-1234567890.portal.amazonaws.eu/start',
    'https://identitycenter.amazonaws.com/ssoins-7223c1ab2b3e2c10',
  ])('accepts the AWS-owned portal URL %s', (url) => {
    expect(validateStartUrl(url)).toEqual({ ok: true, value: url });
  });
  it('refuses another host until the person says it is a custom endpoint, and says how', () => {
    const url = 'https://sso.corp.example/start';
    expect(message(validateStartUrl(url))).toBe(
      'sso.corp.example is not an AWS access portal URL. Portal URLs look like ' +
        'https://d-1234567890.awsapps.com/start. If your organisation uses a custom URL, ' +
        'add it as a custom endpoint.',
    );
    expect(message(validateStartUrl(url, { confirm: 'pass --custom-endpoint' }))).toMatch(
      /custom URL, pass --custom-endpoint\.$/,
    );
    expect(validateStartUrl(url, { customEndpoint: true })).toEqual({ ok: true, value: url });
  });
  it.each([
    ['https://d-1234567890.awsapps.com.evil.example/start', /not an AWS access portal URL/],
    ['https://d-1234567890.awsapps.com:8443/start', /not an AWS access portal URL/],
    ['https://portal.sso.us-east-1.amazonaws.com/', /not an AWS access portal URL/],
    ['https://d-123.аwsapps.com/start', /not an AWS access portal URL/],
  ])('refuses the look-alike %s', (url, why) => {
    expect(message(validateStartUrl(url))).toMatch(why);
  });
  it('a custom endpoint is still https, without userinfo, query or fragment', () => {
    const custom = { customEndpoint: true };
    expect(message(validateStartUrl('http://sso.corp.example/start', custom))).toMatch(/Use https/);
    expect(message(validateStartUrl('https://u:p@sso.corp.example/start', custom))).toMatch(/user name/);
    expect(message(validateStartUrl('https://sso.corp.example/start#/', custom))).toMatch(/Remove the part/);
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
