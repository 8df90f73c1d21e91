import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type NetSwitch = {
  /** `http://127.0.0.1:PORT`: stable across offline/online, so clients keep the same endpoint. */
  url: string;
  port: number;
  /** Stops listening and cuts every open connection: new connections are refused (ECONNREFUSED). */
  offline(): Promise<void>;
  /** Listens again on the same port. */
  online(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A TCP relay in front of a server that a test can unplug: "the network went away" without losing the
 * emulator's state (tokens, sessions), which restarting the emulator would.
 */
export async function startNetSwitch(targetUrl: string): Promise<NetSwitch> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };

  const listen = async () => {
    const srv = createServer((client) => {
      track(client);
      const upstream = connect(targetPort, target.hostname);
      track(upstream);
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => resolve());
    });
    port = (srv.address() as AddressInfo).port;
    server = srv;
  };

  const stop = async () => {
    const srv = server;
    server = undefined;
    for (const s of sockets) s.destroy();
    if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
  };

  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    offline: stop,
    online: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}
