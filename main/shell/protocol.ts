/**
 * Serves the built renderer on lanyard://app/ with the CSP and friends as response headers.
 * Only files inside dist/renderer are reachable (resolveAppFile refuses everything else).
 */
import { protocol } from './electron';
import { readFile } from 'node:fs/promises';
import { createLogger } from '../log/logger';
import {
  APP_SCHEME,
  appSchemePrivileges,
  contentTypeFor,
  resolveAppFile,
  responseHeaders,
} from './security-config';

const log = createLogger('shell.protocol');

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
}

/** After 'ready': answers lanyard://app/* from `rendererDir`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file || request.method !== 'GET') {
      return new Response('Not found', { status: 404, headers: responseHeaders });
    }
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...responseHeaders, 'Content-Type': contentTypeFor(file) } });
    } catch {
      log.warn('renderer file missing', { path: file });
      return new Response('Not found', { status: 404, headers: responseHeaders });
    }
  });
}
