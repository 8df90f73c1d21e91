/**
 * app/ is compiled without DOM or Node types, yet WHATWG `URL` is a global in every runtime Lanyard
 * has (Node, Chromium). This typed handle to it avoids a global declaration that would clash with
 * the DOM/Node ones in other projects.
 */
export type ParsedUrl = {
  protocol: string;
  hostname: string;
  host: string;
  port: string;
  origin: string;
  username: string;
  password: string;
  pathname: string;
  search: string;
  hash: string;
  href: string;
};

type UrlCtor = new (input: string) => ParsedUrl;

const UrlImpl = (globalThis as unknown as { URL: UrlCtor }).URL;

/** Parses a URL the WHATWG way, or returns undefined. */
export function parseUrl(input: string): ParsedUrl | undefined {
  try {
    return new UrlImpl(input);
  } catch {
    return undefined;
  }
}

/** RFC 3986 component encoding (what every AWS tool sends for federation parameters). */
export function enc(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
