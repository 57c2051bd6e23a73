// Module resolve hook: when a module of @modelcontextprotocol/conformance
// imports 'fs' or 'node:fs', hand it ./fs-with-globsync.mjs instead.
// Every other import resolves normally.
const REPLACEMENT = new URL('./fs-with-globsync.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const fromConformance =
    typeof context.parentURL === 'string' &&
    context.parentURL.includes('/@modelcontextprotocol/conformance/');
  if (fromConformance && (specifier === 'fs' || specifier === 'node:fs')) {
    return { url: REPLACEMENT, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
