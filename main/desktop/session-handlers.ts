/**
 * Commands about sessions and signing in: the state, adding a session, sign-in, sign-out, and the
 * running sign-in's prompt (open its page again, copy its code, show it in a new window).
 */
import { assertUrl } from '../../app/policy/urls';
import { LanyardError } from '../../app/errors';
import type { IpcHandlers } from '../ipc/dispatch';
import type { ExternalOpener } from '../platform/types';
import type { ClipboardGuard } from './clipboard-guard';
import type { DesktopServices } from './services';
import type { SignInController } from './sign-in';
import type { SessionLookup } from './state';
import type { StatusController } from './status';

export type SessionHandlerDeps = {
  state: SessionLookup;
  services: Pick<DesktopServices, 'auth' | 'addSession' | 'forgetCredentials' | 'allowedOrigins'>;
  signIn: SignInController;
  status: Pick<StatusController, 'refresh'>;
  opener: ExternalOpener;
  clipboard: Pick<ClipboardGuard, 'put'>;
  track<T>(p: Promise<T>): Promise<T>;
};

type SessionCommands =
  | 'state.get'
  | 'sessions.add'
  | 'auth.signIn'
  | 'auth.startFresh'
  | 'auth.cancelSignIn'
  | 'auth.signOut'
  | 'auth.openVerification'
  | 'auth.copyUserCode'
  | 'signIn.currentPrompt';

export function sessionHandlers(deps: SessionHandlerDeps): Pick<IpcHandlers, SessionCommands> {
  const { state, services, signIn, status } = deps;

  const waitingDevice = (session: string) => {
    const prompt = signIn.devicePrompt(session);
    if (!prompt) throw new LanyardError('NOT_FOUND', 'No device sign-in is waiting for this session.');
    return prompt;
  };

  return {
    'state.get': () => Promise.resolve(state.snapshot()),

    async 'sessions.add'(req) {
      const { name, startUrl, region, customEndpoint } = req;
      await services.addSession({ name, startUrl, region, customEndpoint });
      await status.refresh(false);
      return state.snapshot();
    },

    'auth.signIn'(req) {
      state.session(req.session);
      signIn.begin(req.session, false, req.flow);
      return Promise.resolve(state.snapshot());
    },

    'auth.startFresh'(req) {
      state.session(req.session);
      signIn.begin(req.session, true, req.flow);
      return Promise.resolve(state.snapshot());
    },

    'auth.cancelSignIn'(req) {
      signIn.cancel(req.session);
      return Promise.resolve(null);
    },

    async 'auth.signOut'(req) {
      state.session(req.session);
      signIn.cancel(req.session);
      await deps.track(services.auth.logout(req.session));
      services.forgetCredentials(req.session);
      signIn.clearError(req.session);
      await status.refresh(false);
      return state.snapshot();
    },

    async 'auth.openVerification'(req) {
      const prompt = waitingDevice(req.session);
      await deps.opener.open(assertUrl(prompt.completeUri, 'sign-in', services.allowedOrigins));
      return null;
    },

    async 'auth.copyUserCode'(req) {
      await deps.clipboard.put(waitingDevice(req.session).userCode, 0);
      return null;
    },

    'signIn.currentPrompt'(req) {
      return Promise.resolve(signIn.currentPrompt(req.session));
    },
  };
}
