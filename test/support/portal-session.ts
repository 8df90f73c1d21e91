import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import type { TokenSource } from '../../main/auth/token-source';
import type { EmulatorControl } from '../../emulator/index';

export const session: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};

export type EmulatorTokenSource = TokenSource & {
  refreshes: number;
  current(): string;
  failRefresh: boolean;
};

/** A TokenSource over the emulator's control API: a token without a sign-in flow, refresh = a new token. */
export function emulatorTokenSource(control: EmulatorControl): EmulatorTokenSource {
  let token = control.issueToken({ refreshable: true }).accessToken;
  const source: EmulatorTokenSource = {
    refreshes: 0,
    failRefresh: false,
    current: () => token,
    getAccessToken: () => Promise.resolve(token),
    refreshAfterRejection(_name, rejected) {
      source.refreshes += 1;
      if (source.failRefresh || rejected !== token)
        return Promise.reject(new LanyardError('SESSION_EXPIRED', 'The session has expired: sign in again.'));
      token = control.issueToken({ refreshable: true }).accessToken;
      return Promise.resolve(token);
    },
  };
  return source;
}
