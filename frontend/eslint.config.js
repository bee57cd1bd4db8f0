// The JS check the build runs over the front end and its tests (README: the test command): ESLint's
// recommended rules plus the few habits the code keeps (=== except against null, const, no var, no
// console but warn and error). The browser code has only the browser's globals, SockJS's EventBus and
// the import map's vue.
import js from '@eslint/js';

const browser = Object.fromEntries([
  'window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'fetch', 'URL',
  'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'console', 'Notification',
  'AudioContext', 'ResizeObserver', 'CSSStyleSheet', 'HTMLElement', 'Event', 'CustomEvent', 'Intl', 'queueMicrotask',
  'EventBus', 'SockJS', 'crypto', 'performance', 'requestAnimationFrame', 'getComputedStyle', 'matchMedia', 'self',
  'globalThis', 'structuredClone', 'MutationObserver', 'Node', 'DOMException', 'AbortController', 'btoa', 'atob',
].map((name) => [name, 'readonly']));

const node = Object.fromEntries([
  'process', 'setImmediate', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'URL',
  'globalThis', 'structuredClone', 'Intl',
].map((name) => [name, 'readonly']));

const habits = {
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-var': 'error',
  'prefer-const': 'error',
  'no-console': ['error', { allow: ['warn', 'error'] }],
  'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
};

export default [
  { ignores: ['target/**', 'node_modules/**', 'src/main/resources/webroot/shared/vendor/**'] },
  js.configs.recommended,
  {
    files: ['src/main/resources/webroot/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: browser },
    rules: habits,
  },
  {
    files: ['src/test/js/**/*.js', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...node, ...browser } },
    rules: habits,
  },
];
