/**
 * Tokens, secrets and keys never reach a log line. Two nets: every secret Lanyard holds is
 * registered here by value, and shapes that look like AWS secrets are masked even if unregistered.
 */
const known = new Set<string>();

/** Registers a secret value so any later occurrence in a log or message is masked. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) known.add(value);
}

const shapes: RegExp[] = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // access key ids
  /\bao[ar][A-Za-z0-9_-]{20,}/g, // Identity Center access and refresh tokens
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_.-]*/g, // JWS-looking client secrets and sign-in tokens
];

const secretKeyNames =
  /^(access_?token|refresh_?token|client_?secret|secret_?access_?key|session_?token|sessionKey|sessionToken|SigninToken|device_?code|code_?verifier|code|password|authorization|x-amz-sso_bearer_token)$/i;

export function redactText(text: string): string {
  let out = text;
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  for (const re of shapes) out = out.replace(re, '[redacted]');
  return out;
}

/** Deep-copies a value for logging, masking secret-named keys and secret-looking strings. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      secretKeyNames.test(k) && v !== undefined && v !== null ? '[redacted]' : redactValue(v, depth + 1);
  }
  return out;
}
