import { readFileSync } from 'node:fs';
import type { Agent as HttpsAgent } from 'node:https';
import type { Agent as HttpAgent } from 'node:http';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
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

function envVar(env: Env, name: string): string {
  return env[name.toLowerCase()] || env[name.toUpperCase()] || '';
}

/**
 * The proxy for one URL by the `env` Lanyard was given (HTTPS_PROXY/HTTP_PROXY/ALL_PROXY, NO_PROXY with
 * `host`, `.suffix`, `*.suffix`, `host:port` and `*`). Hand-written because proxy-from-env, which
 * proxy-agent uses by default, reads only process.env, and the CLI context and tests pass their own env.
 */
export function proxyForUrl(url: string, env: Env): string {
  const u = new URL(url);
  const scheme = u.protocol.replace(/:$/, '');
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = Number(u.port) || (scheme === 'https' ? 443 : 80);
  const noProxy = envVar(env, 'no_proxy').toLowerCase();
  if (noProxy === '*') return '';
  for (const entry of noProxy.split(/[,\s]+/)) {
    if (!entry) continue;
    const m = /^(.+):(\d+)$/.exec(entry);
    if (m && Number(m[2]) !== port) continue;
    const pattern = (m?.[1] ?? entry).replace(/^\*/, '').replace(/^\[|\]$/g, '');
    if (pattern.startsWith('.') ? host.endsWith(pattern) : host === pattern || host.endsWith(`.${pattern}`))
      return '';
  }
  const proxy = envVar(env, `${scheme}_proxy`) || envVar(env, 'all_proxy');
  return proxy && !proxy.includes('://') ? `${scheme}://${proxy}` : proxy;
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
 * The agents every outgoing call uses (the SDK clients and the console federation GET): proxy-aware
 * through `proxy-agent` (HTTPS_PROXY, NO_PROXY from `env`, PAC-free) and with the extra CA.
 * proxy-agent is loaded only when a proxy is configured, and Node's http and https modules on first
 * call: commands that never call out (status, roles and env from the caches) start faster.
 */
export async function createAgents(
  env: Env = process.env,
): Promise<{ httpAgent: HttpAgent; httpsAgent: HttpsAgent }> {
  const ca = extraCa(env);
  const tls = ca ? { ca: [ca] } : {};
  const common = { keepAlive: true, maxSockets: 50 };
  if (proxyConfigured(env)) {
    const { ProxyAgent } = await import('proxy-agent');
    const getProxyForUrl = (url: string) => proxyForUrl(url, env);
    // Plain HTTP through a proxy does not keep alive: proxy-agent 6 reuses the socket without going back
    // through http-proxy-agent, so the second request goes out as `POST /path` instead of the absolute
    // URL a proxy needs, and fails. HTTPS (CONNECT tunnels, all real AWS endpoints) keeps alive.
    return {
      httpAgent: new ProxyAgent({ ...tls, getProxyForUrl }),
      httpsAgent: new ProxyAgent({ ...common, ...tls, getProxyForUrl }),
    };
  }
  const [http, https] = await Promise.all([import('node:http'), import('node:https')]);
  return { httpAgent: new http.Agent(common), httpsAgent: new https.Agent({ ...common, ...tls }) };
}

/** The SDK clients' handler: the agents above, with timeouts so a dead network fails fast instead of hanging. */
export async function createRequestHandler(
  env: Env = process.env,
  opts: HttpOptions = {},
): Promise<NodeHttpHandler> {
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  const { httpAgent, httpsAgent } = await createAgents(env);
  return new NodeHttpHandler({
    httpAgent,
    httpsAgent,
    requestTimeout: opts.requestTimeoutMs ?? 15_000,
    // Without this, smithy 4 only logs a warning (to console) when requestTimeout passes and the call hangs on.
    throwOnRequestTimeout: true,
    connectionTimeout: opts.connectionTimeoutMs ?? 5_000,
  });
}
