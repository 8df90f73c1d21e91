import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Response members that carry a secret: each real value is swapped for a recognizable canary. */
export const SECRET_MEMBERS = [
  'accessToken',
  'refreshToken',
  'clientSecret',
  'deviceCode',
  'secretAccessKey',
  'sessionToken',
  'SigninToken',
] as const;
export type SecretMember = (typeof SECRET_MEMBERS)[number];

export type CanaryFront = {
  url: string;
  /** Every canary handed out so far, with the member it replaced. */
  canaries(): Array<{ member: SecretMember; value: string }>;
  close(): Promise<void>;
};

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * A reverse proxy in front of the emulator that makes every secret Lanyard receives a canary
 * (`CANARY-sessionToken-3-9f1c…`: no AWS-looking shape, so only Lanyard's real secret handling, not
 * the redactor's shape patterns, can keep it out of logs) and turns canaries back into the real
 * values on the way in, so the emulator still accepts them.
 */
export async function startCanaryFront(targetUrl: string): Promise<CanaryFront> {
  const target = new URL(targetUrl);
  const toCanary = new Map<string, string>();
  const toReal = new Map<string, string>();
  const handedOut: Array<{ member: SecretMember; value: string }> = [];
  let n = 0;

  const canaryFor = (member: SecretMember, real: string): string => {
    let c = toCanary.get(real);
    if (!c) {
      c = `CANARY-${member}-${++n}-${randomBytes(6).toString('hex')}`;
      toCanary.set(real, c);
      toReal.set(c, real);
      handedOut.push({ member, value: c });
    }
    return c;
  };
  const unmask = (text: string): string =>
    text.replace(/CANARY-[A-Za-z]+-\d+-[0-9a-f]{12}/g, (c) => toReal.get(c) ?? c);
  const mask = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(mask);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        typeof v === 'string' && (SECRET_MEMBERS as readonly string[]).includes(k)
          ? canaryFor(k as SecretMember, v)
          : mask(v);
    }
    return out;
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void (async () => {
      const body = unmask((await readAll(req)).toString('utf8'));
      const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
      for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') headers[k] = unmask(v);
      if (body.length > 0) headers['content-length'] = String(Buffer.byteLength(body));
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: unmask(req.url ?? '/'),
          headers,
        },
        (up) => {
          void readAll(up).then((raw) => {
            let text = raw.toString('utf8');
            try {
              text = JSON.stringify(mask(JSON.parse(text)));
            } catch {
              /* not JSON (HTML pages, empty bodies, malformed-JSON faults): passed as is */
            }
            const out = { ...up.headers };
            delete out['content-length'];
            delete out['transfer-encoding'];
            res.writeHead(up.statusCode ?? 502, { ...out, 'content-length': Buffer.byteLength(text) });
            res.end(text);
          });
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    })();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    canaries: () => [...handedOut],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
