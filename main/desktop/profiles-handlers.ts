/**
 * Profile previews and applying them. A preview is kept by id until applied, so the renderer
 * holds only an id and a view, never the plan main will write.
 */
import { profileRows } from '../../app/config/profile-rows';
import { accountRoleKey } from '../../app/domain/role-key';
import { randomUUID } from 'node:crypto';
import { LanyardError } from '../../app/errors';
import type { ProfilesPlanView } from '../../app/ipc/contract';
import type { ProfilesPlan } from '../config/profiles';
import type { IpcHandlers } from '../ipc/dispatch';
import type { Listings } from './listing';
import type { DesktopServices } from './services';
import type { SettingsController } from './settings';
import type { SessionLookup } from './state';

const MAX_PLANS = 20;

export type ProfilesHandlerDeps = {
  state: Pick<SessionLookup, 'session'>;
  services: Pick<DesktopServices, 'planProfiles' | 'applyProfilesPlan'>;
  listings: Pick<Listings, 'cached'>;
  settings: Pick<SettingsController, 'read'>;
};

export function profilesHandlers(
  deps: ProfilesHandlerDeps,
): Pick<IpcHandlers, 'profiles.plan' | 'profiles.apply'> {
  const { state, services, listings, settings } = deps;
  const plans = new Map<string, ProfilesPlan>();

  return {
    async 'profiles.plan'(req) {
      const session = state.session(req.session);
      const all = await listings.cached(req.session);
      if (!all)
        throw new LanyardError('NOT_FOUND', 'List this session’s roles first, then preview profiles.');
      const wanted = req.roles && new Set(req.roles.map(accountRoleKey));
      const roles = wanted ? all.filter((r) => wanted.has(accountRoleKey(r))) : all;
      const current = settings.read();
      const plan = await services.planProfiles({
        session,
        roles,
        template: req.template ?? current.profileTemplate,
        region: current.sessionDefaults[req.session]?.region,
        prune: req.prune,
      });
      const planId = randomUUID();
      plans.set(planId, plan);
      // Old previews are dropped: applying one that far back would surprise more than help.
      while (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
      const view: ProfilesPlanView = {
        planId,
        added: plan.added,
        updated: plan.updated,
        unchanged: plan.unchanged,
        removed: plan.removed,
        skipped: plan.skipped,
        diff: plan.diff,
        profiles: profileRows(plan, new Map(all.map((r) => [r.accountId, r.accountName]))),
      };
      return view;
    },

    async 'profiles.apply'(req) {
      const plan = plans.get(req.planId);
      if (!plan)
        throw new LanyardError(
          'NOT_FOUND',
          'That preview is no longer available; preview the profiles again.',
        );
      const result = await services.applyProfilesPlan(plan);
      plans.delete(req.planId);
      return result;
    },
  };
}
