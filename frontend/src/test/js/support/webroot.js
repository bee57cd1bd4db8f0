// Lets Node import the browser modules as the browser does: absolute paths such as
// '/shared/addresses.js' are read from the webroot, and the bare 'vue' of the import map becomes a
// stand-in (vue.js here) with plain objects for reactive state. Tests import this first and then
// load the module under test with `await webroot('app/queues/queues-store.js')`, since static imports
// are resolved before any code of the test runs.
import { register } from 'node:module';

register('./webroot-hooks.js', import.meta.url);

const ROOT = new URL('../../../main/resources/webroot/', import.meta.url);

export const webroot = (path) => import(new URL(path, ROOT));
