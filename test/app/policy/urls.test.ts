import { describe, expect, test } from 'vitest';
import { isLanyardError } from '../../../app/errors';
import { assertUrl, checkUrl, isPortalStartUrl, type UrlPurpose } from '../../../app/policy/urls';

const emulator = 'http://127.0.0.1:4567';
const overrides = [emulator, 'https://sso.corp.example:8443/base'];

type Row = [url: string, purposes: UrlPurpose[], why: string];
const both: UrlPurpose[] = ['sign-in', 'browser'];
const browser: UrlPurpose[] = ['browser'];
/** Access-portal hosts: pages to open and start URLs a person may add. */
const portal: UrlPurpose[] = ['sign-in', 'browser', 'start-url'];
const purposes: UrlPurpose[] = ['sign-in', 'browser', 'start-url'];

/** Allowed for the listed purposes, refused for the others. */
const valid: Row[] = [
  // Sign-in: PKCE authorize and device verification, each partition.
  ['https://oidc.us-east-1.amazonaws.com/authorize?response_type=code&client_id=x', both, 'authorize, aws'],
  ['https://oidc.eu-west-1.amazonaws.com/authorize?x=1', both, 'authorize, aws regional'],
  ['https://device.sso.us-east-1.amazonaws.com/', both, 'device, aws'],
  ['https://device.sso.ap-southeast-2.amazonaws.com/?user_code=ABCD-EFGH', both, 'device complete, aws'],
  ['https://oidc.us-gov-west-1.amazonaws.com/authorize', both, 'authorize, aws-us-gov'],
  ['https://device.sso.us-gov-east-1.amazonaws.com/', both, 'device, aws-us-gov'],
  ['https://oidc.cn-north-1.amazonaws.com.cn/authorize', both, 'authorize, aws-cn'],
  ['https://device.sso.cn-northwest-1.amazonaws.com.cn/', both, 'device, aws-cn'],
  ['https://oidc.eusc-de-east-1.amazonaws.eu/authorize', both, 'authorize, aws-eusc'],
  ['https://device.sso.eusc-de-east-1.amazonaws.eu/', both, 'device, aws-eusc'],
  // Access portal (start URLs and their device page), doc §4.6.
  ['https://d-1234567890.awsapps.com/start/#/device?user_code=ABCD-EFGH', portal, 'portal device page'],
  ['https://d-1234567890.awsapps.com/start/#/console?account_id=1', portal, 'portal console link'],
  ['https://start.us-gov-home.awsapps.com/directory/d-123', portal, 'GovCloud portal'],
  ['https://d-9067642ac7.awsapps.cn/start', portal, 'China portal'],
  ['https://ssoins-1234.portal.us-east-1.app.aws/', portal, 'app.aws portal'],
  ['https://acme.portal.eu-west-1.app.aws/', portal, 'app.aws portal, regional'],
  ['https://d-123.us-east-1.portal.amazonaws.com/', portal, 'portal.amazonaws.com'],
  ['https://identitycenter.amazonaws.com/ssoins-1', portal, 'identitycenter'],
  ['https://d-0000000000.awsapps.com/start', portal, 'the emulator demo start URL'],
  ['https://my-company.awsapps.com/start', portal, 'alias start URL'],
  ['https://d-9067642ac7.awsapps.cn/start', portal, 'aws-cn start URL'],
  ['https://ssoins-7223c1ab2b3e2c10.portal.us-east-1.app.aws', portal, 'app.aws start URL, no path'],
  ['https://d-123.us-gov-west-1.portal.amazonaws.com/start', portal, 'regional portal.amazonaws.com'],
  ['https://d-123.portal.amazonaws.com.cn/start', portal, 'portal.amazonaws.com.cn'],
  ['https://d-123.app.amazonwebservices.com.cn/start', portal, 'app.amazonwebservices.com.cn'],
  ['https://d-123.portal.amazonaws.eu/start', portal, 'portal.amazonaws.eu'],
  ['https://d-123.api.amazonwebservices.eu/start', portal, 'api.amazonwebservices.eu'],
  ['https://identitycenter.amazonaws.com.cn/ssoins-1', portal, 'identitycenter, aws-cn'],
  ['https://identitycenter.amazonaws.eu/ssoins-1', portal, 'identitycenter, aws-eusc'],
  ['https://identitycenter.us-gov.amazonaws.com/ssoins-1', portal, 'identitycenter, aws-us-gov'],
  // The portal's API: opened, never a start URL.
  ['https://portal.sso.us-east-1.amazonaws.com/federation/credentials', both, 'portal API, aws'],
  ['https://portal.sso.cn-north-1.amazonaws.com.cn/', both, 'portal API, aws-cn'],
  ['https://portal.sso.eusc-de-east-1.amazonaws.eu/', both, 'portal API, aws-eusc'],
  // Federation, each partition, global and regional (doc §5.2, §5.3).
  ['https://signin.aws.amazon.com/federation?Action=login', browser, 'federation, aws'],
  ['https://eu-west-1.signin.aws.amazon.com/federation', browser, 'federation, aws regional'],
  ['https://us-east-1.signin.aws.amazon.com/oauth?Action=logout', browser, 'logout first'],
  ['https://signin.amazonaws-us-gov.com/federation', browser, 'federation, aws-us-gov'],
  [
    'https://us-gov-east-1.signin.amazonaws-us-gov.com/federation',
    browser,
    'federation, aws-us-gov regional',
  ],
  ['https://signin.amazonaws.cn/federation', browser, 'federation, aws-cn'],
  ['https://cn-northwest-1.signin.amazonaws.cn/federation', browser, 'federation, aws-cn regional'],
  ['https://signin.amazonaws-eusc.eu/federation', browser, 'federation, aws-eusc'],
  ['https://eusc-de-east-1.signin.amazonaws-eusc.eu/federation', browser, 'federation, aws-eusc regional'],
  // Console, each partition.
  ['https://console.aws.amazon.com/iam/home', browser, 'console, aws'],
  ['https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1', browser, 'console, aws regional'],
  ['https://console.amazonaws-us-gov.com/console/home', browser, 'console, aws-us-gov'],
  ['https://us-gov-east-1.console.amazonaws-us-gov.com/', browser, 'console, aws-us-gov regional'],
  ['https://console.amazonaws.cn/console/home', browser, 'console, aws-cn'],
  ['https://cn-north-1.console.amazonaws.cn/', browser, 'console, aws-cn regional'],
  ['https://eusc-de-east-1.console.amazonaws-eusc.eu/', browser, 'console, aws-eusc'],
  // Configured overrides: exact origin, http allowed when the override itself is http.
  [`${emulator}/device?user_code=ABCD-EFGH`, both, 'emulator device page'],
  [`${emulator}/authorize?x=1`, both, 'emulator authorize'],
  // Overrides move endpoints; a start URL on them is still a custom one (start URLs have no overrides).
  ['https://sso.corp.example:8443/other/path', both, 'private endpoint, its own port'],
  // Explicit default port and upper case normalise to the AWS host.
  ['https://SIGNIN.aws.amazon.com:443/federation', browser, 'default port, upper case'],
];

const hostile: [url: string, why: string][] = [
  // Look-alikes.
  ['https://oidc.us-east-1.amazonaws.com.evil.com/authorize', 'AWS host as a subdomain'],
  ['https://signin.aws.amazon.com.evil.io/federation', 'sign-in host as a subdomain'],
  ['https://evilamazonaws.com/', 'no dot before the AWS domain'],
  ['https://evil-amazonaws.com/', 'dash before the AWS domain'],
  ['https://awsapps.com.evil.example/start', 'portal domain as a subdomain'],
  ['https://evilsignin.aws.amazon.com.example/', 'prefixed sign-in host'],
  ['https://signin.aws.amazon.com./federation', 'trailing dot'],
  ['https://oidc.us-east-1.amazonaws.co/authorize', 'wrong TLD'],
  ['https://oidc.amazonaws.com/authorize', 'no region'],
  ['https://oidc.us-east-1a.amazonaws.com/authorize', 'availability zone, not a region'],
  ['https://oidc.cn-north-1.amazonaws.com/authorize', 'aws-cn region on the aws domain'],
  ['https://oidc.us-east-1.amazonaws.com.cn/authorize', 'aws region on the aws-cn domain'],
  ['https://us-gov-west-1.signin.aws.amazon.com/federation', 'GovCloud region on the aws sign-in host'],
  ['https://awsapps.com/start', 'bare portal domain'],
  ['https://aws.amazon.com/', 'AWS marketing site'],
  // IDN / punycode look-alikes (Cyrillic о, а).
  ['https://signin.aws.amazоn.com/federation', 'IDN homograph'],
  ['https://signin.aws.xn--amazn-mye.com/federation', 'punycode homograph'],
  ['https://d-123.аwsapps.com/start', 'IDN portal homograph'],
  // Userinfo, ever: on AWS hosts and on override origins.
  ['https://user:pw@signin.aws.amazon.com/', 'userinfo on federation'],
  ['https://evil.com@device.sso.us-east-1.amazonaws.com/', 'user name on device host'],
  ['https://signin.aws.amazon.com@evil.com/', 'AWS host as user name'],
  [`http://user@127.0.0.1:4567/device`, 'userinfo on the override'],
  [`http://:pw@127.0.0.1:4567/device`, 'password on the override'],
  // Ports and schemes.
  ['https://signin.aws.amazon.com:8443/federation', 'odd port'],
  ['https://oidc.us-east-1.amazonaws.com:444/authorize', 'odd port on sign-in'],
  ['http://signin.aws.amazon.com/federation', 'http AWS host'],
  ['http://device.sso.us-east-1.amazonaws.com/', 'http device host'],
  ['http://127.0.0.1:4568/device', 'another port on the emulator host'],
  ['https://127.0.0.1:4567/device', 'https on the http override'],
  ['http://sso.corp.example:8443/', 'http on the https override'],
  ['http://localhost:4567/device', 'same port, other host name'],
  ['javascript:alert(1)', 'javascript scheme'],
  ['file:///etc/passwd', 'file scheme'],
  ['data:text/html,<script>alert(1)</script>', 'data scheme'],
  ['not a url', 'not a URL'],
  ['', 'empty'],
  // AWS domains anyone can put content on.
  ['https://evil-bucket.s3.amazonaws.com/device', 'S3 virtual-hosted bucket'],
  ['https://s3.amazonaws.com/evil-bucket/device', 'S3 path-style'],
  ['https://evil.s3.us-east-1.amazonaws.com/', 'S3 regional'],
  ['https://evil.s3-website-us-east-1.amazonaws.com/', 'S3 website'],
  ['https://oidc.s3-website.us-east-1.amazonaws.com/', 'S3 website bucket named oidc'],
  ['https://abc123.execute-api.us-east-1.amazonaws.com/prod/device', 'API Gateway'],
  ['https://my-lb-123.us-east-1.elb.amazonaws.com/', 'ELB'],
  ['https://ec2-1-2-3-4.compute-1.amazonaws.com/', 'EC2 public DNS'],
  ['https://abc.execute-api.us-east-1.api.aws/', 'dual-stack API Gateway'],
  ['https://oidc.us-east-1.api.aws/authorize', 'dual-stack, which Lanyard never uses'],
  ['https://evil.api.aws/', '*.api.aws'],
  ['https://abcdef.lambda-url.us-east-1.on.aws/', 'Lambda function URL'],
  ['https://d111111abcdef8.cloudfront.net/', 'CloudFront'],
  ['https://evil.app.aws/', 'app.aws outside the portal pattern'],
  ['https://evil.elasticbeanstalk.com/', 'Elastic Beanstalk'],
];

/** Start URLs a person might be talked into adding: each would receive the sign-in. */
const hostileStartUrls: [url: string, why: string][] = [
  ['https://sso.corp.example/start', 'a vanity host (needs the custom-endpoint choice)'],
  ['https://d-1234567890.awsapps.com.evil.example/start', 'portal host as a subdomain'],
  ['https://d-1234567890-awsapps.com/start', 'dash for the dot'],
  ['https://d-1234567890.awsapps.co/start', 'wrong TLD'],
  ['https://d-1234567890.awsapps.com:8443/start', 'odd port'],
  ['http://d-1234567890.awsapps.com/start', 'http'],
  ['https://user@d-1234567890.awsapps.com/start', 'user name'],
  ['https://awsapps.com/start', 'bare portal domain'],
  ['https://evil.app.aws/start', 'app.aws outside the portal pattern'],
  ['https://x.portal.cn-north-1.app.aws/', 'app.aws with an aws-cn region'],
  ['https://portal.sso.us-east-1.amazonaws.com/', 'the portal API, not a portal'],
  ['https://oidc.us-east-1.amazonaws.com/', 'the OIDC API'],
  ['https://signin.aws.amazon.com/federation', 'federation'],
  ['https://console.aws.amazon.com/', 'console'],
  ['https://evil-bucket.s3.amazonaws.com/start', 'S3 bucket'],
  ['https://identitycenter.amazonaws.com.evil.example/', 'identitycenter as a subdomain'],
  ['https://x.identitycenter.amazonaws.com/', 'below the exact identitycenter host'],
  ['https://d-123.аwsapps.com/start', 'IDN homograph'],
  ['http://127.0.0.1:4567/start', 'the emulator itself'],
];

describe('URL policy', () => {
  test.each(valid)('allows %s (%s: %s)', (url, allowed) => {
    for (const purpose of purposes) {
      // Start URLs are checked without overrides: sessions add has none to offer.
      const origins = purpose === 'start-url' ? [] : overrides;
      expect(checkUrl(url, purpose, origins).ok, purpose).toBe(allowed.includes(purpose));
    }
  });

  test.each(hostile)('refuses %s (%s)', (url) => {
    for (const purpose of purposes) expect(checkUrl(url, purpose, overrides).ok, purpose).toBe(false);
  });

  test.each(hostileStartUrls)('refuses the start URL %s (%s)', (url) => {
    expect(isPortalStartUrl(url)).toBe(false);
  });

  test('a start-url refusal says which hosts are allowed', () => {
    expect(checkUrl('https://sso.corp.example/start', 'start-url')).toEqual({
      ok: false,
      reason: 'start URLs must be on an AWS access-portal host',
      origin: 'https://sso.corp.example',
    });
  });

  test('without overrides the emulator is an ordinary http host', () => {
    expect(checkUrl(`${emulator}/device`, 'sign-in').ok).toBe(false);
  });

  test('malformed or non-web overrides allow nothing', () => {
    expect(checkUrl('null', 'browser', ['file:///etc']).ok).toBe(false);
    expect(checkUrl('javascript:alert(1)', 'browser', ['javascript:alert(1)', 'not a url']).ok).toBe(false);
  });

  test('the shell opener policy accepts the real sign-in pages (the tray could not sign in on AWS)', () => {
    // main/shell/platform.ts createOpener is `shell.openExternal(assertUrl(url, 'browser', origins))`.
    for (const url of [
      'https://oidc.us-east-1.amazonaws.com/authorize?response_type=code&client_id=abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A4242%2Foauth%2Fcallback&state=s&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=c',
      'https://device.sso.us-east-1.amazonaws.com/',
    ])
      expect(assertUrl(url, 'browser', [])).toBe(url);
  });

  test('a refusal is URL_NOT_ALLOWED and names the origin, never the userinfo', () => {
    let err: unknown;
    try {
      assertUrl('http://user:secret@127.0.0.1:4567/device', 'sign-in', [emulator]);
    } catch (e) {
      err = e;
    }
    expect(isLanyardError(err) && err.code).toBe('URL_NOT_ALLOWED');
    expect((err as Error).message).toBe(
      'Refusing to open http://127.0.0.1:4567: the address carries a user name or password.',
    );
  });
});
