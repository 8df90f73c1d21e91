import { type Ctx, sendHtml } from './http';
import { deviceConfirmPage, deviceEntryPage, resultPage } from './pages';
import type { EmulatorState } from './state';

// GET /device[?user_code=] and POST /device (form): where verificationUriComplete sends the user.

export function showDevice(ctx: Ctx, state: EmulatorState): void {
  const code = ctx.url.searchParams.get('user_code');
  if (code === null || code.trim() === '') return sendHtml(ctx.res, 200, deviceEntryPage());
  const d = state.findDeviceByUserCode(code);
  if (!d) return sendHtml(ctx.res, 404, deviceEntryPage('That code is unknown, already used, or expired.'));
  const clientName = state.clients.get(d.clientId)?.clientName ?? 'An application';
  sendHtml(ctx.res, 200, deviceConfirmPage(d.userCode, clientName));
}

export function decideDevice(ctx: Ctx, state: EmulatorState): void {
  const form = new URLSearchParams(ctx.body);
  const action = form.get('action');
  const d = state.findDeviceByUserCode(form.get('user_code') ?? '');
  if (!d) return sendHtml(ctx.res, 404, deviceEntryPage('That code is unknown, already used, or expired.'));
  if (action === 'approve') {
    d.status = 'approved';
    return sendHtml(
      ctx.res,
      200,
      resultPage('Request approved', 'You can close this window and return to the application.'),
    );
  }
  if (action === 'deny') {
    d.status = 'denied';
    return sendHtml(
      ctx.res,
      200,
      resultPage('Request denied', 'The application was not given access. You can close this window.'),
    );
  }
  sendHtml(ctx.res, 400, resultPage('Bad request', 'Choose Approve or Deny.'));
}
