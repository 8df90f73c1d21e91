import { authorize, authorizeDecision } from './authorize';
import { decideDevice, showDevice } from './device-pages';
import { consoleLogout, federation, federationOperation } from './federation';
import type { Ctx } from './http';
import { createToken, type OidcDeps, registerClient, startDeviceAuthorization } from './oidc';
import { getRoleCredentials, listAccountRoles, listAccounts, logout } from './portal';

// One table for every path. `kind` decides what the server wraps around the handler:
// oidc/portal/federation are API calls (counted, delayed, fault-injected; portal also throttled),
// pages are for people (counted as 'Authorize' where named, never broken on purpose).

export type RouteKind = 'oidc' | 'portal' | 'federation' | 'page';
export type Route = {
  kind: RouteKind;
  /** Operation name for calls() and fault targeting; a function when it depends on the request. */
  operation?: string | ((ctx: Ctx) => string | undefined);
  handle: (ctx: Ctx, deps: OidcDeps) => void;
};

export const routes: Record<string, Record<string, Route>> = {
  '/client/register': { POST: { kind: 'oidc', operation: 'RegisterClient', handle: registerClient } },
  '/device_authorization': {
    POST: { kind: 'oidc', operation: 'StartDeviceAuthorization', handle: startDeviceAuthorization },
  },
  '/token': { POST: { kind: 'oidc', operation: 'CreateToken', handle: createToken } },
  '/authorize': {
    GET: { kind: 'page', operation: 'Authorize', handle: (ctx, d) => authorize(ctx, d.state) },
  },
  '/authorize/decision': { POST: { kind: 'page', handle: (ctx, d) => authorizeDecision(ctx, d.state) } },
  '/device': {
    GET: { kind: 'page', handle: (ctx, d) => showDevice(ctx, d.state) },
    POST: { kind: 'page', handle: (ctx, d) => decideDevice(ctx, d.state) },
  },
  '/assignment/accounts': {
    GET: { kind: 'portal', operation: 'ListAccounts', handle: (c, d) => listAccounts(c, d.state) },
  },
  '/assignment/roles': {
    GET: { kind: 'portal', operation: 'ListAccountRoles', handle: (c, d) => listAccountRoles(c, d.state) },
  },
  '/federation/credentials': {
    GET: {
      kind: 'portal',
      operation: 'GetRoleCredentials',
      handle: (c, d) => getRoleCredentials(c, d.state),
    },
  },
  '/logout': { POST: { kind: 'portal', operation: 'Logout', handle: (c, d) => logout(c, d.state) } },
  '/oauth': { GET: { kind: 'federation', operation: 'ConsoleLogout', handle: (c) => consoleLogout(c) } },
  '/federation': {
    GET: { kind: 'federation', operation: federationOperation, handle: (c, d) => federation(c, d.state) },
    POST: { kind: 'federation', operation: federationOperation, handle: (c, d) => federation(c, d.state) },
  },
};
