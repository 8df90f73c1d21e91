import { LanyardError } from '../errors';
import { parseUrl } from './url';

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn' | 'aws-eusc';

export function partitionOf(region: string | undefined): Partition {
  if (!region) return 'aws';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

const domains: Record<Partition, { signin: string; console: string; home?: string }> = {
  aws: { signin: 'signin.aws.amazon.com', console: 'console.aws.amazon.com', home: 'us-east-1' },
  'aws-us-gov': {
    signin: 'signin.amazonaws-us-gov.com',
    console: 'console.amazonaws-us-gov.com',
    home: 'us-gov-west-1',
  },
  'aws-cn': { signin: 'signin.amazonaws.cn', console: 'console.amazonaws.cn', home: 'cn-north-1' },
  'aws-eusc': { signin: 'signin.amazonaws-eusc.eu', console: 'console.amazonaws-eusc.eu' },
};

/** Global host for the partition's home region (or no region), regional host otherwise (doc §5.2, as granted does). */
function regional(base: string, partition: Partition, region: string | undefined): string {
  const home = domains[partition].home;
  return !region || region === home ? base : `${region}.${base}`;
}

export function signinHost(region: string | undefined): string {
  const p = partitionOf(region);
  return regional(domains[p].signin, p, region);
}

export function consoleHost(region: string | undefined, global = false): string {
  const p = partitionOf(region);
  return global ? domains[p].console : regional(domains[p].console, p, region);
}

/** The federation endpoint for a region: `https://[R.]signin.<partition domain>/federation`. */
export function federationEndpoint(region: string | undefined): string {
  return `https://${signinHost(region)}/federation`;
}

const awsSuffixes = [
  // Sign-in and console hosts of every partition Lanyard builds URLs for.
  ...Object.values(domains).flatMap((d) => [d.signin, d.console]),
  // Access-portal hosts (doc §4.6).
  'awsapps.com',
  'awsapps.cn',
  'app.aws',
  'portal.amazonaws.com',
  'portal.amazonaws.com.cn',
  'app.amazonwebservices.com.cn',
  'portal.amazonaws.eu',
  'api.amazonwebservices.eu',
];
const awsExact = [
  'identitycenter.amazonaws.com',
  'identitycenter.amazonaws.com.cn',
  'identitycenter.amazonaws.eu',
  'identitycenter.us-gov.amazonaws.com',
];

function isAwsHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (awsExact.includes(h)) return true;
  return awsSuffixes.some((s) => h === s || h.endsWith(`.${s}`));
}

/**
 * The one gate before Lanyard hands a URL to a browser: https on an AWS sign-in, console or
 * access-portal host, or exactly the origin of a configured override (emulator, demo, private
 * federation endpoint). No credentials in the URL's authority, ever.
 */
export function isAllowedUrl(url: string, allowedOrigins: readonly string[] = []): boolean {
  const u = parseUrl(url);
  if (!u || u.username || u.password) return false;
  const origins = allowedOrigins.map((o) => parseUrl(o)?.origin).filter(Boolean);
  if (origins.includes(u.origin)) return true;
  return u.protocol === 'https:' && isAwsHost(u.hostname);
}

export function assertAllowedUrl(url: string, allowedOrigins: readonly string[] = []): string {
  if (!isAllowedUrl(url, allowedOrigins)) {
    const host = parseUrl(url)?.host ?? 'an unparseable address';
    throw new LanyardError(
      'URL_NOT_ALLOWED',
      `Lanyard opens only AWS sign-in, console and portal pages, not ${host}.`,
    );
  }
  return url;
}
