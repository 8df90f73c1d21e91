import type { Server } from 'node:http';
import { LanyardError } from '../../app/errors';
import { createLogger } from '../log/logger';

const log = createLogger('auth.loopback');

export const callbackPath = '/oauth/callback';

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui,sans-serif;display:grid;place-items:center;height:90vh;margin:0;color:#222}
main{max-width:28rem;text-align:center}h1{font-size:1.4rem}</style></head>
<body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

export type Loopback = {
  /** `http://127.0.0.1:{port}/oauth/callback`: what the authorize URL and CreateToken carry. */
  redirectUri: string;
  /** Resolves with the authorization code once the browser comes back with the expected state. */
  code: Promise<string>;
  close(): void;
};

/**
 * A one-shot HTTP listener on 127.0.0.1 (port 0) for the browser's redirect. Only loopback is bound
 * (the AWS CLI binds every interface; nothing else needs to reach it). It answers with a small page
 * and settles `code`. A callback whose `state` is not ours is answered and ignored; with our state, an
 * `error` parameter rejects, as does the timeout or `signal`.
 */
export async function openLoopback(
  expectedState: string,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<Loopback> {
  let settle!: { resolve: (code: string) => void; reject: (e: LanyardError) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // settled before anyone awaits it when the signal is already aborted
  let done = false;
  // Loaded here: only a browser sign-in needs a server, and node:http costs every other command its load.
  const { createServer } = await import('node:http');
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== callbackPath) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const send = (status: number, title: string, text: string) =>
      res
        .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(page(title, text));
    if (done) {
      send(200, 'Lanyard', 'This sign-in is already finished. You can close this tab.');
      return;
    }
    const error = url.searchParams.get('error');
    const state = url.searchParams.get('state');
    const got = url.searchParams.get('code');
    if (state !== expectedState) {
      // Not the answer to this sign-in (a stale tab, another local process, a page guessing the port):
      // it must not end the sign-in, or anyone could cancel it. Keep waiting for the real one.
      log.warn('ignored a sign-in callback whose state does not match');
      send(
        400,
        'Not this sign-in',
        'This answer does not belong to the sign-in Lanyard started, so Lanyard ignored it. ' +
          'If you are signing in, finish in the browser tab Lanyard opened.',
      );
    } else if (error) {
      const why = url.searchParams.get('error_description') ?? error;
      send(400, 'Sign-in failed', 'Lanyard did not get an authorization code. You can close this tab.');
      finish(new LanyardError('SIGN_IN_DENIED', `Sign-in failed: no authorization code (${why}).`));
    } else if (!got) {
      send(400, 'Sign-in failed', 'The answer carried no authorization code.');
      finish(
        new LanyardError(
          'SIGN_IN_DENIED',
          'Sign-in failed: the browser answer carried no authorization code.',
        ),
      );
    } else {
      send(200, 'Signed in', 'Lanyard is signed in. You can close this tab.');
      finish(got);
    }
  });
  const timer = setTimeout(
    () =>
      finish(
        new LanyardError(
          'SIGN_IN_TIMED_OUT',
          `Sign-in timed out: the browser did not come back within ${Math.round(opts.timeoutMs / 60_000)} minutes.`,
        ),
      ),
    opts.timeoutMs,
  );
  const onAbort = () => finish(new LanyardError('CANCELLED', 'Sign-in was cancelled.'));
  function finish(result: string | LanyardError) {
    if (done) return;
    done = true;
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    // Let the answer page reach the browser before the listener goes away.
    setImmediate(() => server.close());
    if (typeof result === 'string') settle.resolve(result);
    else settle.reject(result);
  }
  function close() {
    server.close();
    server.closeAllConnections();
  }
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  log.debug(`listening for the sign-in redirect on 127.0.0.1:${port}`);
  return {
    redirectUri: `http://127.0.0.1:${port}${callbackPath}`,
    code,
    close: () => {
      done = true;
      clearTimeout(timer);
      close();
    },
  };
}
