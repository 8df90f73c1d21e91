import type { Validation } from '../validate';

export type ProfileNameParts = {
  accountId: string;
  accountName: string;
  roleName: string;
  sessionName: string;
};

/** What `aws configure sso` proposes when no profile name is given. */
export const defaultProfileTemplate = '{role}-{account_id}';

const placeholders = ['role', 'account_id', 'account_name', 'session'] as const;

function fill(template: string, parts: ProfileNameParts): string {
  const values: Record<(typeof placeholders)[number], string> = {
    role: parts.roleName,
    account_id: parts.accountId,
    account_name: parts.accountName,
    session: parts.sessionName,
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    // Each value is cleaned on its own so "Acme (EU)" gives "Acme-EU", not "Acme-EU-".
    name in values ? sanitizeProfileName(values[name as keyof typeof values]) : whole,
  );
}

/**
 * Fits a name into what both botocore and the JS SDK accept in a header: letters, digits and
 * `_ - @ + . % : /`. Accents are dropped (é → e), every other run of characters becomes one `-`.
 */
export function sanitizeProfileName(raw: string): string {
  const name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w\-@+.%:/]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name === '__proto__' || name === 'constructor' || name === 'prototype') return `${name}-profile`;
  return name;
}

export function profileName(template: string | undefined, parts: ProfileNameParts): string {
  const name = sanitizeProfileName(fill(template?.trim() || defaultProfileTemplate, parts));
  return name === '' ? sanitizeProfileName(fill(defaultProfileTemplate, parts)) : name;
}

/** Checks a template as a person types it: known placeholders only, and at least one that differs per role. */
export function validateProfileTemplate(input: string): Validation {
  const template = input.trim();
  if (template === '') return { ok: true, value: defaultProfileTemplate };
  const unknown = [...template.matchAll(/\{(\w*)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((n) => !(placeholders as readonly string[]).includes(n));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `Unknown placeholder {${unknown[0]}}. Use {role}, {account_id}, {account_name} or {session}.`,
    };
  }
  if (!template.includes('{role}')) {
    return {
      ok: false,
      message: 'Include {role} so each role gets its own profile, e.g. {role}-{account_id}.',
    };
  }
  if (!template.includes('{account_id}') && !template.includes('{account_name}')) {
    return {
      ok: false,
      message: 'Include {account_id} or {account_name} so roles in different accounts differ.',
    };
  }
  return { ok: true, value: template };
}
