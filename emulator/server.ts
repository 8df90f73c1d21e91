import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRoute } from './control';
import type { Chaos } from './faults';
import { BodyTooLarge, type Ctx, messageError, oidcError, readBody, sendJson } from './http';
import type { OidcDeps } from './oidc';
import { type Route, routes } from './routes';
import type { TokenBucket } from './throttle';
import type { EmulatorControl, RequestLogEntry } from './types';

export type ServerDeps = OidcDeps & {
  chaos: Chaos;
  bucket: TokenBucket;
  control: () => EmulatorControl;
  onRequest?: (entry: RequestLogEntry) => void;
};

/** The HTTP front: routing, then latency → faults → throttle around each API handler. */
export function createEmulatorServer(deps: ServerDeps): { server: Server; stop: () => Promise<void> } {
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    log: { operation?: string },
  ): Promise<void> {
    res.setHeader('x-amzn-requestid', randomUUID());
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    let body: string;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge)
        return messageError(res, 413, 'RequestEntityTooLarge', 'Request body too large');
      throw e;
    }
    const ctx: Ctx = { req, res, url, body };
    if (url.pathname.startsWith('/_emulator/')) return controlRoute(ctx, deps.control());
    const byMethod = routes[url.pathname];
    if (!byMethod)
      return messageError(res, 404, 'UnknownOperationException', `No operation at ${url.pathname}`);
    const route: Route | undefined = byMethod[req.method ?? ''];
    if (!route) {
      res.setHeader('allow', Object.keys(byMethod).join(', '));
      return messageError(
        res,
        405,
        'MethodNotAllowedException',
        `${req.method} is not allowed on ${url.pathname}`,
      );
    }
    const operation = typeof route.operation === 'function' ? route.operation(ctx) : route.operation;
    log.operation = operation;
    if (operation) deps.state.count(operation);
    if (route.kind !== 'page') {
      const delay = deps.chaos.delayMs();
      if (delay > 0) await sleep(delay);
      if (stopping) return;
      if (operation && injectFault(ctx, route, operation)) return;
      if (route.kind === 'portal' && !deps.bucket.take()) {
        return messageError(res, 429, 'TooManyRequestsException', 'Rate exceeded');
      }
    }
    route.handle(ctx, deps);
  }

  /** True when a fault answered (or deliberately swallowed) the request. */
  function injectFault(ctx: Ctx, route: Route, operation: string): boolean {
    const fault = deps.chaos.roll(operation);
    const { res } = ctx;
    switch (fault) {
      case undefined:
        return false;
      case 'timeout':
        return true; // never answered; close() destroys the socket
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"accountList": [{"accountId": "1234');
        return true;
      case 'server-error':
        if (route.kind === 'oidc')
          oidcError(res, 'InternalServerException', 'Internal server error (injected)');
        else messageError(res, 500, 'InternalServerException', 'Internal server error (injected)');
        return true;
      case 'unavailable':
        messageError(res, 503, 'ServiceUnavailableException', 'Service unavailable (injected)');
        return true;
      case 'throttle':
        if (route.kind === 'oidc') oidcError(res, 'SlowDownException', 'Rate exceeded (injected)');
        else messageError(res, 429, 'TooManyRequestsException', 'Rate exceeded (injected)');
        return true;
    }
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const log: { operation?: string } = {};
    res.on('finish', () => {
      deps.onRequest?.({
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0] ?? '', // the query can carry credentials (federation): never logged
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        ...(log.operation ? { operation: log.operation } : {}),
      });
    });
    handle(req, res, log).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendJson(res, 500, { message: `emulator bug: ${e instanceof Error ? e.message : String(e)}` });
    });
  });
  server.keepAliveTimeout = 5000;

  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      stopping = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => resolve());
      // Keep-alive and deliberately held (timeout-fault) sockets would otherwise keep close() waiting.
      server.closeAllConnections();
    });
  return { server, stop };
}

export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
