import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ProxyAgent } from 'proxy-agent';
import { LanyardError } from '../../app/errors';

type Env = Record<string, string | undefined>;

function proxyConfigured(env: Env): boolean {
  return Boolean(
    env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || env.ALL_PROXY || env.all_proxy,
  );
}

export type GetResult = { status: number; body: string };

/**
 * A plain GET for the federation endpoint, which is no AWS SDK service. Same proxy rules as the SDK
 * clients (proxy-agent, honouring NO_PROXY); Node's own fetch ignores HTTPS_PROXY.
 */
export function httpGet(
  url: string,
  opts: { env: Env; timeoutMs?: number; signal?: AbortSignal },
): Promise<GetResult> {
  const u = new URL(url);
  const agent = proxyConfigured(opts.env) ? new ProxyAgent() : undefined;
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      { method: 'GET', agent, timeout: opts.timeoutMs ?? 15_000, signal: opts.signal },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new LanyardError('NETWORK', `No answer from ${u.host} in time.`)));
    req.on('error', (e) => {
      if (opts.signal?.aborted) return reject(new LanyardError('CANCELLED', 'Cancelled.'));
      reject(
        e instanceof LanyardError ? e : new LanyardError('NETWORK', `Cannot reach ${u.host}: ${e.message}`),
      );
    });
    req.end();
  });
}
