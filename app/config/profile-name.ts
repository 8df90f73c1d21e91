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

type Placeholder = (typeof placeholders)[number];

function valueOf(name: Placeholder, parts: ProfileNameParts): string {
  if (name === 'role') return parts.roleName;
  if (name === 'account_id') return parts.accountId;
  if (name === 'account_name') return parts.accountName;
  return parts.sessionName;
}

/** A template cut once: `literals` has one more entry than `names` (text before, between, after). */
type Cut = { literals: string[]; names: Placeholder[] };

const isPlaceholder = (name: string): name is Placeholder =>
  (placeholders as readonly string[]).includes(name);

/**
 * Cuts a template into literal text and placeholders, so naming 5,000 roles runs no regex replace
 * and makes no closure per role. Null when the template holds a `{word}` that is not a placeholder:
 * `fillUnchecked` keeps those as written.
 */
function compile(template: string): Cut | null {
  const cut: Cut = { literals: [], names: [] };
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const name = m[1]!;
    if (!isPlaceholder(name)) return null;
    cut.literals.push(template.slice(last, m.index));
    cut.names.push(name);
    last = m.index + m[0].length;
  }
  cut.literals.push(template.slice(last));
  return cut;
}

/** A template `compile` refused; validateProfileTemplate refuses these, so only unchecked input gets here. */
function fillUnchecked(template: string, parts: ProfileNameParts): string {
  const values: Record<string, string> = {
    role: parts.roleName,
    account_id: parts.accountId,
    account_name: parts.accountName,
    session: parts.sessionName,
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? sanitizeProfileName(values[name]!) : whole,
  );
}

function fillCompiled({ literals, names }: Cut, parts: ProfileNameParts): string {
  let out = literals[0]!;
  for (let i = 0; i < names.length; i++) {
    // Each value is cleaned on its own so "Acme (EU)" gives "Acme-EU", not "Acme-EU-".
    out += sanitizeProfileName(valueOf(names[i]!, parts)) + literals[i + 1]!;
  }
  return out;
}

const cleanName = /^[\w\-@+.%:/]*$/;
const reserved = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Fits a name into what both botocore and the JS SDK accept in a header: letters, digits and
 * `_ - @ + . % : /`. Accents are dropped (é → e), every other run of characters becomes one `-`.
 */
export function sanitizeProfileName(raw: string): string {
  // Most names are already clean: one test instead of a normalisation and three replaces.
  if (
    cleanName.test(raw) &&
    raw.charCodeAt(0) !== 45 /* - */ &&
    raw.charCodeAt(raw.length - 1) !== 45 &&
    !reserved.has(raw)
  )
    return raw;
  const name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w\-@+.%:/]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (reserved.has(name)) return `${name}-profile`;
  return name;
}

export function profileName(template: string | undefined, parts: ProfileNameParts): string {
  return profileNamer(template)(parts);
}

/** profileName for many roles with one template: the template is cut once. */
export function profileNamer(template: string | undefined): (parts: ProfileNameParts) => string {
  const t = template?.trim() || defaultProfileTemplate;
  const cut = compile(t);
  const fallback = compile(defaultProfileTemplate)!;
  return (parts) => {
    const name = sanitizeProfileName(cut ? fillCompiled(cut, parts) : fillUnchecked(t, parts));
    return name === '' ? sanitizeProfileName(fillCompiled(fallback, parts)) : name;
  };
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
