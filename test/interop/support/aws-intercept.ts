import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export type InterceptingProxy = {
  url: string;
  /** `host:port` of every CONNECT, i.e. the AWS hosts the client believed it was talking to. */
  connects: string[];
  close(): Promise<void>;
};

/**
 * An HTTPS_PROXY that sends every CONNECT tunnel to one local TLS server instead of the host asked for.
 * With a certificate for *.amazonaws.com from a test CA (trusted through AWS_CA_BUNDLE), a tool that
 * cannot be pointed at an endpoint (AWS CLI 2.9.19 predates AWS_ENDPOINT_URL_*) talks to the emulator
 * while believing it talks to portal.sso.REGION.amazonaws.com.
 */
export async function startInterceptingProxy(tlsFrontUrl: string): Promise<InterceptingProxy> {
  const front = new URL(tlsFrontUrl);
  const connects: string[] = [];
  const sockets = new Set<Duplex>();
  const server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    connects.push(req.url ?? '');
    const upstream: Socket = connect(Number(front.port), front.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
