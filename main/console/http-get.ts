import type { IncomingMessage } from 'node:http';
import { LanyardError } from '../../app/errors';
import { createAgents } from '../aws/http';

type Env = Record<string, string | undefined>;

export type GetResult = { status: number; body: string };

/**
 * A plain GET for the federation endpoint, which is no AWS SDK service. Same agents as the SDK
 * clients (proxy and NO_PROXY from `env`, AWS_CA_BUNDLE); Node's own fetch ignores HTTPS_PROXY.
 */
export async function httpGet(
  url: string,
  opts: { env: Env; timeoutMs?: number; signal?: AbortSignal },
): Promise<GetResult> {
  const u = new URL(url);
  const agents = await createAgents(opts.env);
  const https = u.protocol === 'https:';
  const agent = https ? agents.httpsAgent : agents.httpAgent;
  const { request: send } = https ? await import('node:https') : await import('node:http');
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
