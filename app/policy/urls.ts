/**
 * The one URL policy: which addresses Lanyard may print or hand to a browser. Exact AWS host
 * patterns per partition for sign-in, the access portal, federation and the console, plus exactly
 * the origins the person configured (the emulator, a private endpoint). Nothing else, and never a
 * URL with a user name or password in it: a compromised endpoint or a poisoned cache must not be
 * able to send people to a look-alike page.
 */
import { LanyardError } from '../errors';
import { parseUrl, type ParsedUrl } from '../console/url';
import { partitionDomains } from './partitions';
import { partitionRegionSource, partitions } from './region';

/**
 * - `sign-in`: a device verification or PKCE authorize page (checked before it is printed or opened).
 * - `browser`: anything Lanyard opens: sign-in, access portal, federation and console pages.
 * - `start-url`: an `[sso-session]` start URL a person adds: an access-portal host AWS owns.
 */
export type UrlPurpose = 'sign-in' | 'browser' | 'start-url';

export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string; origin?: string };

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

type HostGroup = 'sign-in' | 'portal-api' | 'portal' | 'federation' | 'console';

function perPartition(build: (region: string, d: (typeof partitionDomains)['aws']) => string[]): string[] {
  return partitions.flatMap((p) => build(`(?:${partitionRegionSource[p]})`, partitionDomains[p]));
}

/** Access-portal domains AWS owns (doc §4.6); the start URL sits one to three labels below them. */
const portalSuffixes = [
  'awsapps.com',
  'awsapps.cn',
  'portal.amazonaws.com',
  'portal.amazonaws.com.cn',
  'app.amazonwebservices.com.cn',
  'portal.amazonaws.eu',
  'api.amazonwebservices.eu',
];

const hostSources: Record<HostGroup, string[]> = {
  'sign-in': perPartition((r, d) => [
    `oidc\\.${r}\\.${esc(d.dnsSuffix)}`,
    `device\\.sso\\.${r}\\.${esc(d.dnsSuffix)}`,
  ]),
  // The portal's API host: a page Lanyard may open, never a start URL.
  'portal-api': perPartition((r, d) => [`portal\\.sso\\.${r}\\.${esc(d.dnsSuffix)}`]),
  portal: [
    `${label}\\.portal\\.${`(?:${partitionRegionSource.aws})`}\\.app\\.aws`,
    `(?:${label}\\.){1,3}(?:${portalSuffixes.map(esc).join('|')})`,
    'identitycenter\\.amazonaws\\.com',
    'identitycenter\\.amazonaws\\.com\\.cn',
    'identitycenter\\.amazonaws\\.eu',
    'identitycenter\\.us-gov\\.amazonaws\\.com',
  ],
  federation: perPartition((r, d) => [`(?:${r}\\.)?${esc(d.signin)}`]),
  console: perPartition((r, d) => [`(?:${r}\\.)?${esc(d.console)}`]),
};

const hostPattern = (groups: HostGroup[]) =>
  new RegExp(`^(?:${groups.flatMap((g) => hostSources[g]).join('|')})$`);

const purposeHosts: Record<UrlPurpose, RegExp> = {
  // A device verification URI may also be the access portal's own page (`<start url>/#/device`).
  'sign-in': hostPattern(['sign-in', 'portal-api', 'portal']),
  browser: hostPattern(['sign-in', 'portal-api', 'portal', 'federation', 'console']),
  'start-url': hostPattern(['portal']),
};

const refusals: Record<UrlPurpose, string> = {
  'sign-in': 'sign-in pages must be on an AWS sign-in or access-portal host',
  browser: 'Lanyard opens only AWS sign-in, access-portal, federation and console pages',
  'start-url': 'start URLs must be on an AWS access-portal host',
};

function originsOf(allowed: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const o of allowed) {
    const u = parseUrl(o);
    if (u && (u.protocol === 'https:' || u.protocol === 'http:')) out.add(u.origin);
  }
  return out;
}

function verdict(u: ParsedUrl, purpose: UrlPurpose, allowed: readonly string[]): UrlVerdict {
  const refuse = (reason: string): UrlVerdict => ({ ok: false, reason, origin: u.origin });
  if (u.username || u.password) return refuse('the address carries a user name or password');
  // An override is matched by exact origin: scheme, host and port. The emulator may be http.
  if (originsOf(allowed).has(u.origin)) return { ok: true, url: u.href };
  if (u.protocol !== 'https:') return refuse('AWS pages are https only');
  if (u.port !== '') return refuse('AWS pages use the default https port');
  if (!purposeHosts[purpose].test(u.hostname)) return refuse(refusals[purpose]);
  return { ok: true, url: u.href };
}

/** Checks `url` for `purpose`; `allowedOrigins` are the configured endpoint overrides. */
export function checkUrl(
  url: string,
  purpose: UrlPurpose,
  allowedOrigins: readonly string[] = [],
): UrlVerdict {
  const u = parseUrl(url);
  if (!u) return { ok: false, reason: 'it is not a valid URL' };
  return verdict(u, purpose, allowedOrigins);
}

export function isAllowedUrl(
  url: string,
  purpose: UrlPurpose,
  allowedOrigins: readonly string[] = [],
): boolean {
  return checkUrl(url, purpose, allowedOrigins).ok;
}

/**
 * True when `url` is an access-portal start URL on a host AWS owns (doc §4.6): `d-….awsapps.com`,
 * `<alias>.awsapps.com`, `….portal.<region>.app.aws` and the other partitions' portal hosts. The AWS
 * CLI uses these as-is; any other host is a custom (vanity) URL it must resolve with a request.
 */
export function isPortalStartUrl(url: string): boolean {
  return checkUrl(url, 'start-url').ok;
}

/** Returns `url` unchanged when allowed; otherwise throws URL_NOT_ALLOWED (CLI exit 8). */
export function assertUrl(url: string, purpose: UrlPurpose, allowedOrigins: readonly string[] = []): string {
  const v = checkUrl(url, purpose, allowedOrigins);
  if (v.ok) return url;
  const what = v.origin && v.origin !== 'null' ? v.origin : 'this address';
  throw new LanyardError('URL_NOT_ALLOWED', `Refusing to open ${what}: ${v.reason}.`, {
    hint: 'If you use a private Identity Center endpoint, set AWS_ENDPOINT_URL_SSO_OIDC to it.',
  });
}
