/**
 * Commands about roles. Secrets stay here: copy-env writes the clipboard and returns only when it
 * happened; open-console opens the browser and returns nothing.
 */
import { assertUrl } from '../../app/policy/urls';
import { credentialEnv, formatEnv, isoExpiration } from '../../app/format/env';
import { typedMatch } from '../accounts/priorities';
import type { IpcHandlers } from '../ipc/dispatch';
import { registerSecret } from '../log/redact';
import type { ExternalOpener } from '../platform/types';
import type { ClipboardGuard } from './clipboard-guard';
import type { Listings } from './listing';
import type { DesktopServices } from './services';
import type { SettingsController } from './settings';
import type { SessionLookup } from './state';

export type RolesHandlerDeps = {
  state: SessionLookup;
  services: Pick<DesktopServices, 'credentials' | 'consoleUrl' | 'allowedOrigins' | 'roles'>;
  listings: Pick<Listings, 'cached' | 'start' | 'isStale'>;
  settings: Pick<SettingsController, 'read' | 'touchRecent'>;
  opener: ExternalOpener;
  clipboard: Pick<ClipboardGuard, 'put'>;
  track<T>(p: Promise<T>): Promise<T>;
};

export function rolesHandlers(
  deps: RolesHandlerDeps,
): Pick<IpcHandlers, 'roles.get' | 'roles.prioritize' | 'roles.copyEnv' | 'roles.openConsole'> {
  const { state, services, listings, settings } = deps;

  const regionFor = (session: string, explicit?: string) =>
    explicit ?? settings.read().sessionDefaults[session]?.region;

  return {
    async 'roles.get'(req) {
      const roles = await listings.cached(req.session);
      const signedIn = state.status(req.session)?.state === 'signed-in';
      if (signedIn && (req.refresh || !roles || listings.isStale(req.session))) {
        void listings.start(req.session);
      }
      return roles ?? [];
    },

    'roles.prioritize'(req) {
      services.roles.prioritize(state.session(req.session), typedMatch(req.query));
      return Promise.resolve(null);
    },

    async 'roles.copyEnv'(req) {
      const session = state.session(req.session);
      const current = settings.read();
      const format = req.format ?? current.envFormat;
      const creds = await deps.track(
        services.credentials({ session, accountId: req.accountId, roleName: req.roleName }),
      );
      registerSecret(creds.secretAccessKey);
      registerSecret(creds.sessionToken);
      const text = formatEnv(credentialEnv(creds, regionFor(req.session, req.region)), format);
      await deps.clipboard.put(text, current.clipboardClearSeconds);
      settings.touchRecent(req.session, req.accountId, req.roleName);
      return {
        expiresAt: isoExpiration(creds.expiration),
        format,
        clearsInSeconds: current.clipboardClearSeconds,
      };
    },

    async 'roles.openConsole'(req) {
      const session = state.session(req.session);
      const current = settings.read();
      const url = await deps.track(
        services.consoleUrl({
          session,
          accountId: req.accountId,
          roleName: req.roleName,
          region: regionFor(req.session, req.region),
          service: req.service,
          mode: current.consoleMode,
          logoutFirst: current.consoleLogoutFirst,
        }),
      );
      await deps.opener.open(assertUrl(url, 'browser', services.allowedOrigins));
      settings.touchRecent(req.session, req.accountId, req.roleName);
      return null;
    },
  };
}
