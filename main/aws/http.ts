import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ProxyAgent } from 'proxy-agent';
import { LanyardError } from '../../app/errors';

type Env = Record<string, string | undefined>;

export type HttpOptions = {
  /** Per-request timeout; a hung connection must not hang a sign-in or a listing. */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
};

function proxyConfigured(env: Env): boolean {
  return Boolean(
    env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || env.ALL_PROXY || env.all_proxy,
  );
}

/** `AWS_CA_BUNDLE` adds a CA the way botocore's `ca_bundle` does; `NODE_EXTRA_CA_CERTS` Node handles itself. */
function extraCa(env: Env): string | undefined {
  const path = env.AWS_CA_BUNDLE;
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new LanyardError(
      'CONFIG',
      `AWS_CA_BUNDLE points at ${path}, which cannot be read: ${(e as Error).message}`,
    );
  }
}

/**
 * The HTTP handler every AWS client uses: proxy-aware through `proxy-agent` (HTTPS_PROXY, NO_PROXY,
 * PAC-free), with the extra CA, and with timeouts so a dead network fails fast instead of hanging.
 */
export function createRequestHandler(env: Env = process.env, opts: HttpOptions = {}): NodeHttpHandler {
  const ca = extraCa(env);
  const tls = ca ? { ca: [ca] } : {};
  const common = { keepAlive: true, maxSockets: 50 };
  let httpAgent: HttpAgent;
  let httpsAgent: HttpsAgent;
  if (proxyConfigured(env)) {
    // proxy-agent reads the proxy variables from process.env; tests that pass their own env set both.
    const agent = new ProxyAgent({ ...common, ...tls });
    httpAgent = agent;
    httpsAgent = agent;
  } else {
    httpAgent = new HttpAgent(common);
    httpsAgent = new HttpsAgent({ ...common, ...tls });
  }
  return new NodeHttpHandler({
    httpAgent,
    httpsAgent,
    requestTimeout: opts.requestTimeoutMs ?? 15_000,
    connectionTimeout: opts.connectionTimeoutMs ?? 5_000,
  });
}
