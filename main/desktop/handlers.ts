/**
 * One handler per IPC command, gathered from the areas that own them. Each area sees only the
 * controllers and services it needs.
 */
import type { IpcHandlers } from '../ipc/dispatch';
import { profilesHandlers, type ProfilesHandlerDeps } from './profiles-handlers';
import { rolesHandlers, type RolesHandlerDeps } from './roles-handlers';
import { sessionHandlers, type SessionHandlerDeps } from './session-handlers';
import type { SettingsController } from './settings';

export type HandlerDeps = SessionHandlerDeps &
  RolesHandlerDeps &
  ProfilesHandlerDeps & { settings: SettingsController };

function settingsHandlers(
  settings: SettingsController,
): Pick<IpcHandlers, 'settings.update' | 'favorites.toggle'> {
  return {
    'settings.update': (req) => Promise.resolve(settings.update(req)),
    'favorites.toggle': (req) =>
      Promise.resolve(settings.toggleFavorite(req.session, req.accountId, req.roleName)),
  };
}

export function createHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    ...sessionHandlers(deps),
    ...rolesHandlers(deps),
    ...profilesHandlers(deps),
    ...settingsHandlers(deps.settings),
  };
}
