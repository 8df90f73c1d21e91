/**
 * One handler per IPC command. Secrets stay here: copy-env writes the clipboard and returns only
 * when it happened; open-console opens the browser and returns nothing.
 */
import { randomUUID } from 'node:crypto';
import { assertAllowedUrl } from '../../app/console/hosts';
import { credentialEnv, formatEnv, isoExpiration } from '../../app/format/env';
import { profileRows } from '../../app/config/profile-rows';
import { LanyardError } from '../../app/errors';
import type { ProfilesPlanView } from '../../app/ipc/contract';
import type { IpcHandlers } from '../ipc/dispatch';
import { registerSecret } from '../log/redact';
import { toggleFavorite, type CoreContext } from './context';

const MAX_PLANS = 20;

export function createHandlers(ctx: CoreContext): IpcHandlers {
  const { state, services, platform } = ctx;

  const regionFor = (session: string, explicit?: string) =>
    explicit ?? ctx.settings().sessionDefaults[session]?.region;

  return {
    'state.get': () => Promise.resolve(state.snapshot()),

    async 'sessions.add'(req) {
      await services.addSession({ name: req.name, startUrl: req.startUrl, region: req.region });
      await ctx.refreshStatus(false);
      return state.snapshot();
    },

    'auth.signIn'(req) {
      state.session(req.session);
      ctx.beginSignIn(req.session, false, req.flow);
      return Promise.resolve(state.snapshot());
    },

    'auth.startFresh'(req) {
      state.session(req.session);
      ctx.beginSignIn(req.session, true, req.flow);
      return Promise.resolve(state.snapshot());
    },

    'auth.cancelSignIn'(req) {
      ctx.cancelSignIn(req.session);
      return Promise.resolve(null);
    },

    async 'auth.signOut'(req) {
      state.session(req.session);
      ctx.cancelSignIn(req.session);
      await ctx.track(services.auth.logout(req.session));
      services.forgetCredentials(req.session);
      state.signInErrors.delete(req.session);
      await ctx.refreshStatus(false);
      return state.snapshot();
    },

    async 'auth.openVerification'(req) {
      const prompt = state.devicePrompts.get(req.session);
      if (!prompt) throw new LanyardError('NOT_FOUND', 'No device sign-in is waiting for this session.');
      await platform.opener.open(assertAllowedUrl(prompt.completeUri, services.allowedOrigins));
      return null;
    },

    async 'auth.copyUserCode'(req) {
      const prompt = state.devicePrompts.get(req.session);
      if (!prompt) throw new LanyardError('NOT_FOUND', 'No device sign-in is waiting for this session.');
      await ctx.clipboard.put(prompt.userCode, 0);
      return null;
    },

    async 'roles.get'(req) {
      const roles = await ctx.listings.cached(req.session);
      const signedIn = state.status(req.session)?.state === 'signed-in';
      if (signedIn && (req.refresh || !roles || ctx.listings.isStale(req.session))) {
        void ctx.listings.start(req.session);
      }
      return roles ?? [];
    },

    async 'roles.copyEnv'(req) {
      const session = state.session(req.session);
      const settings = ctx.settings();
      const format = req.format ?? settings.envFormat;
      const creds = await ctx.track(
        services.credentials({ session, accountId: req.accountId, roleName: req.roleName }),
      );
      registerSecret(creds.secretAccessKey);
      registerSecret(creds.sessionToken);
      const text = formatEnv(credentialEnv(creds, regionFor(req.session, req.region)), format);
      await ctx.clipboard.put(text, settings.clipboardClearSeconds);
      ctx.touchRecent(req.session, req.accountId, req.roleName);
      return {
        expiresAt: isoExpiration(creds.expiration),
        format,
        clearsInSeconds: settings.clipboardClearSeconds,
      };
    },

    async 'roles.openConsole'(req) {
      const session = state.session(req.session);
      const settings = ctx.settings();
      const url = await ctx.track(
        services.consoleUrl({
          session,
          accountId: req.accountId,
          roleName: req.roleName,
          region: regionFor(req.session, req.region),
          service: req.service,
          mode: settings.consoleMode,
          logoutFirst: settings.consoleLogoutFirst,
        }),
      );
      await platform.opener.open(assertAllowedUrl(url, services.allowedOrigins));
      ctx.touchRecent(req.session, req.accountId, req.roleName);
      return null;
    },

    async 'profiles.plan'(req) {
      const session = state.session(req.session);
      const all = await ctx.listings.cached(req.session);
      if (!all)
        throw new LanyardError('NOT_FOUND', 'List this session’s roles first, then preview profiles.');
      const wanted = req.roles && new Set(req.roles.map((r) => `${r.accountId}/${r.roleName}`));
      const roles = wanted ? all.filter((r) => wanted.has(`${r.accountId}/${r.roleName}`)) : all;
      const settings = ctx.settings();
      const plan = await services.planProfiles({
        session,
        roles,
        template: req.template ?? settings.profileTemplate,
        region: settings.sessionDefaults[req.session]?.region,
        prune: req.prune,
      });
      const planId = randomUUID();
      ctx.plans.set(planId, plan);
      // Old previews are dropped: applying one that far back would surprise more than help.
      while (ctx.plans.size > MAX_PLANS) ctx.plans.delete(ctx.plans.keys().next().value!);
      const view: ProfilesPlanView = {
        planId,
        added: plan.added,
        updated: plan.updated,
        unchanged: plan.unchanged,
        removed: plan.removed,
        skipped: plan.skipped,
        profiles: profileRows(plan, new Map(all.map((r) => [r.accountId, r.accountName]))),
        diff: plan.diff,
      };
      return view;
    },

    async 'profiles.apply'(req) {
      const plan = ctx.plans.get(req.planId);
      if (!plan)
        throw new LanyardError(
          'NOT_FOUND',
          'That preview is no longer available; preview the profiles again.',
        );
      const result = await services.applyProfilesPlan(plan);
      ctx.plans.delete(req.planId);
      return result;
    },

    'settings.update'(req) {
      return Promise.resolve(ctx.updateSettings(req));
    },

    'favorites.toggle'(req) {
      const next = toggleFavorite(ctx.settings(), req.session, req.accountId, req.roleName);
      return Promise.resolve(ctx.updateSettings({ favorites: next.favorites }));
    },
  };
}
