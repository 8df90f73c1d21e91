// Node module-resolution hook (node:module register): `electron` → the double's bundle, for the
// shell's main bundle and for its dependencies (electron-store imports electron too).
let target;

export function initialize(data) {
  target = data.electron;
}

export function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: target, shortCircuit: true, format: 'module' };
  return next(specifier, context);
}
