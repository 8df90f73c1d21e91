import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createProxy } from 'proxy';

/** One request the proxy forwarded: `CONNECT host:port` for HTTPS, `GET http://host/path` for plain HTTP. */
export type ProxiedRequest = { method: string; target: string };

export type LocalProxy = {
  /** `http://127.0.0.1:PORT`, for HTTPS_PROXY / HTTP_PROXY. */
  url: string;
  seen: ProxiedRequest[];
  /** Targets (host:port or absolute URL) the proxy saw, without the query string. */
  targets(): string[];
  close(): Promise<void>;
};

/**
 * A real forward proxy (TooTallNate's `proxy`, the one proxy-agent is tested against) on 127.0.0.1:0
 * that records every request, so a test can prove traffic went through it and not around it.
 */
export async function startLocalProxy(): Promise<LocalProxy> {
  const server = createProxy(createServer());
  const seen: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  // Listeners added before `proxy`'s own ones would run first; prepend so a record exists even if it fails.
  server.prependListener('request', (req: IncomingMessage) => {
    seen.push({ method: req.method ?? '?', target: req.url ?? '' });
  });
  server.prependListener('connect', (req: IncomingMessage) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '' });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    targets: () => seen.map((r) => r.target.split('?')[0] ?? ''),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
