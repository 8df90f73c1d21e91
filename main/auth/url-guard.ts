import { LanyardError } from '../../app/errors';
import { resolveEndpoints, type EndpointOverrides } from '../aws/endpoints';

type Env = Record<string, string | undefined>;

/** Hosts AWS serves sign-in pages from (doc §4.6 plus the regional API domains). */
const awsHostSuffixes = [
  '.awsapps.com',
  '.awsapps.cn',
  '.amazonaws.com',
  '.amazonaws.com.cn',
  '.amazonaws.eu',
  '.app.aws',
  '.api.aws',
  '.amazonwebservices.com.cn',
  '.amazonwebservices.eu',
];
const awsHosts = ['app.aws', 'signin.aws', 'identitycenter.amazonaws.com'];

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * A URL Lanyard opens in the browser must be https on an AWS host, or on the host of a configured
 * endpoint override (the emulator, a private endpoint). Anything else is refused: a compromised or
 * spoofed endpoint must not be able to send people to a look-alike sign-in page.
 */
export function assertOpenable(url: string, region: string, env: Env, endpoints?: EndpointOverrides): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LanyardError('URL_NOT_ALLOWED', 'Refusing to open a malformed sign-in URL.');
  }
  const resolved = resolveEndpoints(region, env, endpoints);
  const overrides = [
    resolved.overridden.oidc ? originOf(resolved.oidc) : undefined,
    resolved.overridden.portal ? originOf(resolved.portal) : undefined,
  ];
  if (overrides.includes(parsed.origin)) return parsed;
  const host = parsed.hostname.toLowerCase();
  const awsHost = awsHosts.includes(host) || awsHostSuffixes.some((s) => host.endsWith(s));
  if (parsed.protocol === 'https:' && awsHost && !parsed.username && !parsed.password) return parsed;
  throw new LanyardError(
    'URL_NOT_ALLOWED',
    `Refusing to open ${parsed.origin}: sign-in pages must be https on an AWS host.`,
    { hint: 'If you use a private Identity Center endpoint, set AWS_ENDPOINT_URL_SSO_OIDC to it.' },
  );
}
