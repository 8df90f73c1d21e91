// The few HTML pages a person sees: device-code verification and the /authorize consent. Plain forms,
// no script, labelled controls, so they work in any browser and with a screen reader.

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Identity Center emulator</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #16191f; }
  h1 { font-size: 1.4rem; }
  .code { font: 600 1.6rem ui-monospace, monospace; letter-spacing: .1em; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: .4rem; border: 1px solid #545b64; background: #fff; cursor: pointer; }
  button.primary { background: #0972d3; border-color: #0972d3; color: #fff; }
  button:focus-visible, input:focus-visible { outline: 3px solid #0972d3; outline-offset: 2px; }
  input { font: inherit; padding: .4rem; text-transform: uppercase; }
  .note { color: #5f6b7a; font-size: .9rem; }
</style>
</head>
<body>
<main>
${body}
<p class="note">Local IAM Identity Center emulator: nothing here reaches AWS.</p>
</main>
</body>
</html>
`;
}

export function deviceEntryPage(error?: string): string {
  return layout(
    'Enter code',
    `<h1>Authorize a device</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="get" action="/device">
  <label for="user_code">Code shown by the application</label><br>
  <input id="user_code" name="user_code" autocomplete="off" required pattern="[A-Za-z]{4}-?[A-Za-z]{4}" placeholder="ABCD-EFGH">
  <div class="actions"><button class="primary" type="submit">Next</button></div>
</form>`,
  );
}

export function deviceConfirmPage(userCode: string, clientName: string): string {
  return layout(
    'Authorize request',
    `<h1>Allow ${escapeHtml(clientName)} to access your data?</h1>
<p>Confirm that this code matches the one shown by the application:</p>
<p class="code" aria-label="Code">${escapeHtml(userCode)}</p>
<form method="post" action="/device">
  <input type="hidden" name="user_code" value="${escapeHtml(userCode)}">
  <div class="actions">
    <button class="primary" type="submit" name="action" value="approve">Approve</button>
    <button type="submit" name="action" value="deny">Deny</button>
  </div>
</form>`,
  );
}

export function resultPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p role="status">${escapeHtml(message)}</p>`);
}

export function authorizeConsentPage(requestId: string, clientName: string, scopes: string[]): string {
  const list = scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return layout(
    'Allow access',
    `<h1>Allow ${escapeHtml(clientName)} to access your data?</h1>
${list ? `<p>It asks for:</p><ul>${list}</ul>` : ''}
<form method="post" action="/authorize/decision">
  <input type="hidden" name="request" value="${escapeHtml(requestId)}">
  <div class="actions">
    <button class="primary" type="submit" name="action" value="approve">Allow access</button>
    <button type="submit" name="action" value="deny">Deny</button>
  </div>
</form>`,
  );
}
