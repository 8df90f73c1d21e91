/**
 * The sign-in controller: which sessions are signing in, the prompt each is waiting on, the last
 * error, and the abort controllers behind Cancel. Prompts and the outcome arrive as events.
 */
import { isLanyardError } from '../../app/errors';
import type { EventName, Events, SignInPrompt, WaitingPrompt } from '../../app/ipc/contract';
import type { SignInPrompt as AuthPrompt } from '../auth/prompts';
import { toIpcError } from '../ipc/dispatch';
import type { DesktopServices } from './services';

export type DevicePrompt = Extract<SignInPrompt, { kind: 'device' }> & { completeUri: string };

type Held = DevicePrompt | Extract<WaitingPrompt, { kind: 'browser' }>;

export type SignInController = {
  /** Starts a sign-in in the background unless one runs for the session. */
  begin(session: string, fresh: boolean, flow?: 'pkce' | 'device'): void;
  cancel(session: string): void;
  /** The device code or browser URL the running sign-in waits on, or null. */
  currentPrompt(session: string): WaitingPrompt | null;
  /** The running device sign-in's prompt, with the URL that carries the code. */
  devicePrompt(session: string): DevicePrompt | undefined;
  isSigningIn(session: string): boolean;
  /** The last sign-in failure, in words. */
  error(session: string): string | undefined;
  clearError(session: string): void;
  dispose(): void;
};

export type SignInControllerDeps = {
  auth: DesktopServices['auth'];
  events: { emit<E extends EventName>(event: E, payload: Events[E]): void; changed(): void };
  /** The flow when the caller names none (the settings' choice). */
  defaultFlow(): 'pkce' | 'device';
  trackOnline<T>(p: Promise<T>): Promise<T>;
  /** After a successful sign-in: read the status again and list the roles. */
  onSignedIn(session: string): Promise<void>;
};

export function createSignInController(deps: SignInControllerDeps): SignInController {
  const { auth, events } = deps;
  const signingIn = new Set<string>();
  const prompts = new Map<string, Held>();
  const errors = new Map<string, string>();
  const controllers = new Map<string, AbortController>();

  const toPrompt = (session: string, p: AuthPrompt): Held =>
    p.kind === 'device'
      ? {
          session,
          kind: 'device',
          userCode: p.userCode,
          verificationUri: p.verificationUri,
          expiresAt: p.expiresAt,
          completeUri: p.verificationUriComplete,
        }
      : { session, kind: 'browser', url: p.url };
  /** The prompt as the renderer may see it: the complete URI (it carries the code) stays in main. */
  const view = (p: Held): WaitingPrompt => {
    if (p.kind !== 'device') return p;
    const { completeUri: _complete, ...prompt } = p;
    return prompt;
  };

  function begin(session: string, fresh: boolean, flow?: 'pkce' | 'device'): void {
    if (signingIn.has(session)) return;
    signingIn.add(session);
    // Our own signal, so a Cancel that arrives before the sign-in core has registered the login still counts.
    const controller = new AbortController();
    controllers.set(session, controller);
    errors.delete(session);
    events.changed();
    const loginOpts = {
      flow: flow ?? deps.defaultFlow(),
      openBrowser: true,
      signal: controller.signal,
      onPrompt: (p: AuthPrompt) => {
        const prompt = toPrompt(session, p);
        prompts.set(session, prompt);
        events.emit('signIn.prompt', view(prompt));
      },
    };
    const run = fresh ? auth.startFreshSession(session, loginOpts) : auth.login(session, loginOpts);
    void deps
      .trackOnline(run)
      .then(
        () => deps.onSignedIn(session),
        (e: unknown) => {
          if (isLanyardError(e) && e.code === 'CANCELLED') return;
          errors.set(session, toIpcError(e, 'sign-in').message);
        },
      )
      .finally(() => {
        signingIn.delete(session);
        prompts.delete(session);
        if (controllers.get(session) === controller) controllers.delete(session);
        events.emit('signIn.prompt', { session, kind: 'done' });
        events.changed();
      });
  }

  return {
    begin,
    cancel(session) {
      controllers.get(session)?.abort();
      auth.cancelLogin(session);
    },
    currentPrompt(session) {
      const p = prompts.get(session);
      return p ? view(p) : null;
    },
    devicePrompt(session) {
      const p = prompts.get(session);
      return p?.kind === 'device' ? p : undefined;
    },
    isSigningIn: (session) => signingIn.has(session),
    error: (session) => errors.get(session),
    clearError: (session) => void errors.delete(session),
    dispose() {
      for (const c of controllers.values()) c.abort();
    },
  };
}
