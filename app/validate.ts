/**
 * Checks for what a person types (start URL, region, names), used live by the renderer and again by
 * main before anything is written. Messages say what to do, not just what is wrong.
 */
import { parseUrl } from './console/url';
import { isPortalStartUrl } from './policy/urls';
import { isRegion, looksLikeAvailabilityZone } from './policy/region';

export type Validation<T = string> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });
const fail = (message: string): Validation<never> => ({ ok: false, message });

export type StartUrlOptions = {
  /** The person said this is a custom (vanity) portal URL on a host AWS does not own. */
  customEndpoint?: boolean;
  /** How this caller's person says so, e.g. `pass --custom-endpoint`; ends the refusal. */
  confirm?: string;
};

export function validateStartUrl(input: string, opts: StartUrlOptions = {}): Validation {
  const text = input.trim();
  if (text === '')
    return fail('Enter your AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start');
  if (/\s/.test(text)) return fail('The start URL cannot contain spaces.');
  if (/^http:\/\//i.test(text)) {
    return fail(`Use https, not http: https://${text.slice(7)}`);
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return fail(`Add the https:// scheme: https://${text.replace(/^\/+/, '')}`);
  }
  const url = parseUrl(text);
  if (!url) {
    return fail('This is not a valid URL. It looks like https://d-1234567890.awsapps.com/start');
  }
  if (url.protocol !== 'https:')
    return fail(`The start URL must use https (it uses ${url.protocol.slice(0, -1)}).`);
  if (!url.hostname.includes('.'))
    return fail(`"${url.hostname}" is not a full host name, e.g. d-1234567890.awsapps.com`);
  if (url.username || url.password) return fail('Remove the user name or password from the URL.');
  if (url.hash || url.search) {
    // People paste the portal page they are on: `.../start/#/` or `.../start#/?tab=accounts`.
    const fixed = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    return fail(`Remove the part after the path: ${fixed}`);
  }
  // A look-alike host would receive the sign-in; only the person can vouch for a custom one.
  if (!opts.customEndpoint && !isPortalStartUrl(text)) {
    return fail(
      `${url.hostname} is not an AWS access portal URL. Portal URLs look like ` +
        'https://d-1234567890.awsapps.com/start. If your organisation uses a custom URL, ' +
        `${opts.confirm ?? 'add it as a custom endpoint'}.`,
    );
  }
  // Returned as typed (trimmed): the token cache key is the SHA-1 of the exact URL, shared with the AWS CLI.
  return ok(text);
}

export function validateRegion(input: string): Validation {
  const text = input.trim();
  if (text === '') return fail('Enter the region of your IAM Identity Center, e.g. us-east-1.');
  const lower = text.toLowerCase();
  if (lower !== text && isRegion(lower)) return fail(`Regions are lower case: ${lower}`);
  if (looksLikeAvailabilityZone(text)) {
    return fail(`That looks like an availability zone; the region is ${text.slice(0, -1)}.`);
  }
  if (!isRegion(text)) {
    return fail(`"${text}" is not a region name. Regions look like us-east-1, eu-west-2 or us-gov-west-1.`);
  }
  return ok(text);
}

// The JS SDK ignores headers whose names fall outside this set; botocore accepts them all.
const nameRe = /^[\w\-@+.%:/]+$/;
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

function validateName(input: string, what: string, example: string): Validation {
  const text = input.trim();
  if (text === '') return fail(`Enter a ${what} name, e.g. ${example}.`);
  if (/\s/.test(text)) return fail(`A ${what} name cannot contain spaces; try ${text.replace(/\s+/g, '-')}.`);
  if (forbidden.has(text)) return fail(`"${text}" cannot be used as a ${what} name.`);
  if (!nameRe.test(text)) {
    const bad = [...new Set([...text].filter((c) => !/[\w\-@+.%:/]/.test(c)))].join(' ');
    return fail(`A ${what} name may use letters, digits and - _ @ + . % : / only (not ${bad}).`);
  }
  return ok(text);
}

export function validateSessionName(input: string): Validation {
  return validateName(input, 'session', 'my-company');
}

export function validateProfileName(input: string): Validation {
  return validateName(input, 'profile', 'AdministratorAccess-123456789012');
}
