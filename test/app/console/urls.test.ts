import { describe, expect, test } from 'vitest';
import { federationEndpoint } from '../../../app/policy/partitions';
import { consoleDestination } from '../../../app/console/destination';
import {
  loginUrl,
  logoutFirstUrl,
  portalConsoleLink,
  signinTokenUrl,
  validateSessionDuration,
} from '../../../app/console/federation';

describe('console URLs', () => {
  test('federation endpoint per partition and region', () => {
    expect(federationEndpoint(undefined)).toBe('https://signin.aws.amazon.com/federation');
    expect(federationEndpoint('us-east-1')).toBe('https://signin.aws.amazon.com/federation');
    expect(federationEndpoint('eu-west-1')).toBe('https://eu-west-1.signin.aws.amazon.com/federation');
    expect(federationEndpoint('us-gov-west-1')).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(federationEndpoint('us-gov-east-1')).toBe(
      'https://us-gov-east-1.signin.amazonaws-us-gov.com/federation',
    );
    expect(federationEndpoint('cn-north-1')).toBe('https://signin.amazonaws.cn/federation');
    expect(federationEndpoint('cn-northwest-1')).toBe(
      'https://cn-northwest-1.signin.amazonaws.cn/federation',
    );
  });

  test('destinations: region, services, global services, partitions', () => {
    expect(consoleDestination()).toBe('https://console.aws.amazon.com/console/home');
    expect(consoleDestination('eu-west-1', 'ec2')).toBe(
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1',
    );
    expect(consoleDestination('eu-west-1', 'iam')).toBe('https://console.aws.amazon.com/iam/home');
    expect(consoleDestination('us-east-1', 'lambda')).toBe(
      'https://console.aws.amazon.com/lambda/home?region=us-east-1',
    );
    expect(consoleDestination('us-gov-east-1', 's3')).toBe(
      'https://us-gov-east-1.console.amazonaws-us-gov.com/s3/home?region=us-gov-east-1',
    );
    expect(consoleDestination('cn-north-1', 'cloudwatch')).toBe(
      'https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1',
    );
    expect(() => consoleDestination('not a region')).toThrow(/region/);
    expect(() => consoleDestination('eu-west-1', 'ec2?x=<script>')).toThrow(/not a console service/);
  });

  test('session duration 900–43200', () => {
    expect(validateSessionDuration(undefined)).toBeUndefined();
    expect(validateSessionDuration(900)).toBe(900);
    expect(validateSessionDuration(43200)).toBe(43200);
    for (const bad of [899, 43201, 1000.5, NaN])
      expect(() => validateSessionDuration(bad)).toThrow(/900 to 43200/);
  });

  test('getSigninToken and login URLs encode every parameter', () => {
    const creds = { accessKeyId: 'ASIA1', secretAccessKey: 's/e+c=', sessionToken: 't&k', expiration: 0 };
    const u = new URL(signinTokenUrl('https://signin.aws.amazon.com/federation', creds, 3600));
    expect(u.searchParams.get('Action')).toBe('getSigninToken');
    expect(u.searchParams.get('SessionDuration')).toBe('3600');
    expect(JSON.parse(u.searchParams.get('Session')!)).toEqual({
      sessionId: 'ASIA1',
      sessionKey: 's/e+c=',
      sessionToken: 't&k',
    });
    const login = new URL(
      loginUrl(
        'https://signin.aws.amazon.com/federation',
        'https://x.awsapps.com/start',
        'https://console.aws.amazon.com/ec2/home?region=us-east-1',
        'tok+en/=',
      ),
    );
    expect(Object.fromEntries(login.searchParams)).toEqual({
      Action: 'login',
      Issuer: 'https://x.awsapps.com/start',
      Destination: 'https://console.aws.amazon.com/ec2/home?region=us-east-1',
      SigninToken: 'tok+en/=',
    });
    const chained = new URL(logoutFirstUrl('https://signin.aws.amazon.com/federation', login.href));
    expect(chained.pathname).toBe('/oauth');
    expect(chained.searchParams.get('redirect_uri')).toBe(login.href);
  });

  test('portal link puts everything in the fragment', () => {
    expect(
      portalConsoleLink(
        'https://d-1234567890.awsapps.com/start/',
        '123456789012',
        'AdministratorAccess',
        'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1',
      ),
    ).toBe(
      'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=AdministratorAccess&destination=https%3A%2F%2Fus-east-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Dus-east-1',
    );
  });
});
