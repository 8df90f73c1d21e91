/**
 * Origins besides AWS's own that the opener may hand to the browser: exactly the endpoints the
 * person configured (the emulator in `npm run demo`, a private endpoint). Nothing else is added.
 */
export function allowedOriginsFrom(env: Record<string, string | undefined>): string[] {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') {
    return originsOf([env.LANYARD_FEDERATION_URL]);
  }
  return originsOf([
    env.AWS_ENDPOINT_URL_SSO_OIDC,
    env.AWS_ENDPOINT_URL_SSO,
    env.AWS_ENDPOINT_URL,
    env.LANYARD_FEDERATION_URL,
  ]);
}

function originsOf(urls: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const raw of urls) {
    if (!raw) continue;
    try {
      const u = new URL(raw);
      if (u.protocol === 'https:' || u.protocol === 'http:') out.add(u.origin);
    } catch {
      // A malformed override is reported by the endpoint resolver; it opens nothing here.
    }
  }
  return [...out];
}
