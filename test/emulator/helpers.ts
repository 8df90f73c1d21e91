import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { createHash, randomBytes } from 'node:crypto';

const credentials = { accessKeyId: 'AKIDUNUSED', secretAccessKey: 'unused' };

/** Real SDK clients aimed at the emulator; one attempt, so a 429 or 500 reaches the test unretried. */
export function oidcClient(url: string): SSOOIDCClient {
  return new SSOOIDCClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

export function ssoClient(url: string, maxAttempts = 1): SSOClient {
  return new SSOClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url').slice(0, 64);
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The exception name the SDK chose, which proves the x-amzn-ErrorType header was right. */
export async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.name : String(e);
  }
  throw new Error('expected the call to fail');
}

/** A hand-moved clock: tests expire things by advancing it, not by sleeping. */
export function fakeClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}
