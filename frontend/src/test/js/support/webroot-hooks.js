// Module resolution hooks for webroot.js: what the browser's import map and the gateway's static
// routes do for the pages.
const ROOT = new URL('../../../main/resources/webroot/', import.meta.url);
const VUE = new URL('./vue.js', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'vue') return { url: VUE.href, shortCircuit: true };
  if (/^\/(shared|app|widget)\//.test(specifier)) return { url: new URL(specifier.slice(1), ROOT).href, shortCircuit: true };
  return nextResolve(specifier, context);
}
