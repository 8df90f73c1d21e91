/**
 * The emulator under AWS's real host names, for the shell scenarios: TLS with a private test CA
 * (makeTestCa) in front of the emulator, and an HTTPS proxy that routes CONNECTs for those names to
 * the TLS front. The shell and the CLI get HTTPS_PROXY, AWS_CA_BUNDLE and NODE_EXTRA_CA_CERTS, the
 * options Lanyard already honours, and NO endpoint overrides: they build the real
 * https://oidc.us-east-1.amazonaws.com/... URLs themselves. Nothing touches /etc/hosts or DNS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../../emulator/index';
import { makeTestCa, startTlsFront, type TestCa, type TlsFront } from '../../../network/support/tls-front';

export const REGION = 'us-east-1';
export const awsNames = [
  `oidc.${REGION}.amazonaws.com`,
  `device.sso.${REGION}.amazonaws.com`,
  `portal.sso.${REGION}.amazonaws.com`,
  'signin.aws.amazon.com',
] as const;

export type AwsStandIn = {
  emu: RunningEmulator;
  ca: TestCa;
  proxyUrl: string;
  /** host:port of every CONNECT the proxy carried (refused ones too). */
  connects: string[];
  /** Environment for the shell or the CLI: proxy and CA only, no endpoint overrides. */
  env(home: string): Record<string, string>;
  /** A browser context for "the person's browser": same proxy, trusts the stand-in's certificate. */
  personBrowser(browser: Browser): Promise<BrowserContext>;
  close(): Promise<void>;
};

/** A CONNECT proxy that only knows the AWS names, and sends them all to one local TLS port. */
async function startNameRouter(frontPort: number, connects: string[]): Promise<{ url: string; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    connects.push(target);
    const [host, port] = target.split(':');
    if (!(awsNames as readonly string[]).includes(host ?? '') || port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(frontPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const close = server.close.bind(server);
  server.close = (cb) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function startAwsStandIn(opts: EmulatorOptions = {}): Promise<AwsStandIn> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-aws-names-'));
  const ca = await makeTestCa(dir, [...awsNames]);
  const emu = await startEmulator({ verificationBaseUrl: `https://${awsNames[1]}`, ...opts });
  const front: TlsFront = await startTlsFront(emu.url, ca);
  const connects: string[] = [];
  const router = await startNameRouter(Number(new URL(front.url).port), connects);
  return {
    emu,
    ca,
    proxyUrl: router.url,
    connects,
    env: (home) => ({
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      HTTPS_PROXY: router.url,
      NO_PROXY: '127.0.0.1,localhost',
      AWS_CA_BUNDLE: ca.caFile,
      NODE_EXTRA_CA_CERTS: ca.caFile,
      // The SDK's Node-version notice would only add noise to the shell's stderr.
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    }),
    personBrowser: (browser) =>
      browser.newContext({
        proxy: { server: router.url, bypass: '127.0.0.1,localhost' },
        // The person's browser is not under test; Chromium cannot be given the test CA without an NSS db.
        ignoreHTTPSErrors: true,
      }),
    async close() {
      await new Promise<void>((ok) => router.server.close(() => ok()));
      await Promise.all([front.close(), emu.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
