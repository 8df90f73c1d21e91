import { type Ctx, messageError, sendJson } from './http';
import type { AccessToken, EmulatorState } from './state';

// The access-portal API (`sso` service): ListAccounts, ListAccountRoles, GetRoleCredentials, Logout.

const UNAUTHORIZED = 'Session token not found or invalid';

function bearer(ctx: Ctx, state: EmulatorState): AccessToken | undefined {
  const raw = ctx.req.headers['x-amz-sso_bearer_token'];
  const token = state.validBearer(Array.isArray(raw) ? raw[0] : raw);
  if (!token) messageError(ctx.res, 401, 'UnauthorizedException', UNAUTHORIZED);
  return token;
}

function invalid(ctx: Ctx, message: string): void {
  messageError(ctx.res, 400, 'InvalidRequestException', message);
}

type Page = { offset: number; size: number };

/**
 * next_token is self-describing (list kind, scope, offset) plus a serial number, so no two responses
 * ever carry the same token, which botocore's paginator treats as a loop.
 */
function readPage(ctx: Ctx, state: EmulatorState, scope: string): Page | undefined {
  const q = ctx.url.searchParams;
  const max = q.get('max_result');
  let size = state.pageSize;
  if (max !== null) {
    size = Number(max);
    if (!/^\d+$/.test(max) || size < 1 || size > 100) {
      invalid(ctx, 'max_result must be an integer from 1 to 100');
      return undefined;
    }
  }
  const token = q.get('next_token');
  if (token === null || token === '') return { offset: 0, size };
  const m = /^([^|]*)\|(\d+)\|\d+$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m || m[1] !== scope) {
    invalid(ctx, 'Invalid next_token');
    return undefined;
  }
  return { offset: Number(m[2]), size };
}

let serial = 0;
function nextToken(scope: string, offset: number, total: number): { nextToken?: string } {
  if (offset >= total) return {};
  serial++;
  return { nextToken: Buffer.from(`${scope}|${offset}|${serial}`).toString('base64url') };
}

export function listAccounts(ctx: Ctx, state: EmulatorState): void {
  if (!bearer(ctx, state)) return;
  const page = readPage(ctx, state, 'accounts');
  if (!page) return;
  const all = state.org.accounts;
  const slice = all.slice(page.offset, page.offset + page.size);
  sendJson(ctx.res, 200, {
    ...nextToken('accounts', page.offset + page.size, all.length),
    accountList: slice.map(({ accountId, accountName, emailAddress }) => ({
      accountId,
      accountName,
      emailAddress,
    })),
  });
}

function accountFor(ctx: Ctx, state: EmulatorState) {
  const accountId = ctx.url.searchParams.get('account_id');
  if (!accountId) {
    invalid(ctx, 'account_id is required');
    return undefined;
  }
  const account = state.org.accounts.find((a) => a.accountId === accountId);
  if (!account) messageError(ctx.res, 403, 'ForbiddenException', 'No access');
  return account;
}

export function listAccountRoles(ctx: Ctx, state: EmulatorState): void {
  if (!bearer(ctx, state)) return;
  const account = accountFor(ctx, state);
  if (!account) return;
  const scope = `roles:${account.accountId}`;
  const page = readPage(ctx, state, scope);
  if (!page) return;
  const roles = account.roles.slice(page.offset, page.offset + page.size);
  sendJson(ctx.res, 200, {
    ...nextToken(scope, page.offset + page.size, account.roles.length),
    roleList: roles.map((roleName) => ({ roleName, accountId: account.accountId })),
  });
}

export function getRoleCredentials(ctx: Ctx, state: EmulatorState): void {
  if (!bearer(ctx, state)) return;
  const roleName = ctx.url.searchParams.get('role_name');
  if (!roleName) return invalid(ctx, 'role_name is required');
  const account = accountFor(ctx, state);
  if (!account) return;
  if (!account.roles.includes(roleName)) return messageError(ctx.res, 403, 'ForbiddenException', 'No access');
  const c = state.issueRoleCredentials(account.accountId, roleName);
  sendJson(ctx.res, 200, {
    roleCredentials: {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: c.expiration,
    },
  });
}

/** Signs the whole session out: this access token, its siblings, and the refresh tokens. */
export function logout(ctx: Ctx, state: EmulatorState): void {
  const token = bearer(ctx, state);
  if (!token) return;
  state.endSession(token.sessionId);
  ctx.res.writeHead(200, { 'content-length': 0 });
  ctx.res.end();
}
