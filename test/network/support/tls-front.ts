import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const openssl = '/usr/bin/openssl';

export type TestCa = { caFile: string; certFile: string; keyFile: string };

/**
 * A private CA and a server certificate for 127.0.0.1/localhost (and `extraHosts`, wildcards allowed), made by the real openssl at test time
 * (no checked-in keys that could expire or leak into a real trust store).
 */
export async function makeTestCa(dir: string, extraHosts: string[] = []): Promise<TestCa> {
  const caKey = join(dir, 'ca.key');
  const caFile = join(dir, 'ca.pem');
  const keyFile = join(dir, 'server.key');
  const csr = join(dir, 'server.csr');
  const certFile = join(dir, 'server.pem');
  const ext = join(dir, 'server.ext');
  await run(openssl, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    caKey,
    '-out',
    caFile,
    '-days',
    '2',
    '-subj',
    '/CN=Lanyard Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run(openssl, [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    csr,
    '-subj',
    '/CN=127.0.0.1',
  ]);
  await writeFile(
    ext,
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n' +
      `extendedKeyUsage=serverAuth\nsubjectAltName=${['IP:127.0.0.1', 'DNS:localhost', ...extraHosts.map((h) => `DNS:${h}`)].join(',')}\n`,
  );
  await run(openssl, [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    caFile,
    '-CAkey',
    caKey,
    '-CAcreateserial',
    '-out',
    certFile,
    '-days',
    '2',
    '-extfile',
    ext,
  ]);
  return { caFile, certFile, keyFile };
}

export type TlsFront = {
  /** `https://127.0.0.1:PORT` */
  url: string;
  /** Requests that reached the front (method and path), i.e. that passed the TLS handshake. */
  seen: string[];
  close(): Promise<void>;
};

/** An HTTPS reverse proxy in front of a plain-HTTP server (the emulator), like a corporate TLS gateway. */
export async function startTlsFront(targetUrl: string, ca: TestCa): Promise<TlsFront> {
  const target = new URL(targetUrl);
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer(
    { key: await readFile(ca.keyFile), cert: await readFile(ca.certFile) },
    (req, res) => {
      seen.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    },
  );
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A client that rejects the certificate aborts the handshake; that is the expected outcome, not a crash.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
