// Every word a person reads comes from a catalogue. For each front end: every key the code names
// exists, every key of the catalogue is used, and no template, markup or h() call carries words of
// its own. The rule for "words of its own" is written down in docs/decisions.md.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEBROOT = fileURLToPath(new URL('../../main/resources/webroot/', import.meta.url));

const FRONT_ENDS = [
  { name: 'operator app', folder: 'app', catalogue: 'app/messages/en.js' },
  { name: 'widget', folder: 'widget', catalogue: 'widget/messages/en.js' },
  { name: 'reply page', folder: 'reply', catalogue: 'reply/messages/en.js' },
  { name: 'FAQ page', folder: 'faq', catalogue: 'faq/messages/en.js' },
];

// A key: dotted lower-camel words, e.g. 'queues.claimedBy'.
const KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;
const LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g;
const WORDS = /[A-Za-z]/;
// Inside an expression a lower-case name ('queue', 'dot-away') is a value the code compares or builds
// a class from; anything else with letters in it (a capital, a space, punctuation) is meant to be read.
const CODE_VALUE = /^[a-z][a-z0-9_-]*$/;
const isWords = (value) => WORDS.test(value) && !CODE_VALUE.test(value);
// Attributes whose value a person reads or hears.
const SPOKEN = ['aria-label', 'aria-valuetext', 'placeholder', 'title', 'alt', 'label'];

function files(folder, ext) {
  const out = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'messages') out.push(...files(path, ext));
    } else if (ext.some((e) => name.endsWith(e))) {
      out.push(path);
    }
  }
  return out;
}

const literals = (code) => [...code.matchAll(LITERAL)].map((m) => m[1] ?? m[2]);
// Keys are written in single quotes, as all of the front end's strings; double quotes in markup are
// attribute values, where 'preview.messages.length' is an expression, not a key.
const quoted = (code) => [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1]);

/** The markup of a file: Vue template strings of a .js, or the whole of an .html. */
function markupOf(path, code) {
  // A page's <title> and <noscript> are read before any script runs, so they cannot come from t().
  if (path.endsWith('.html')) return [code.replace(/<(script|style|title|noscript)[\s\S]*?<\/\1>/g, '')];
  return [...code.matchAll(/template:\s*`([\s\S]*?)`/g)].map((m) => m[1]);
}

/** Words in markup that do not come from t(): text between tags, spoken attributes, and literals inside {{ }} and bound spoken attributes. */
function hardCodedInMarkup(markup, isKey) {
  const found = [];
  const html = markup.replace(/<!--[\s\S]*?-->/g, '');
  // Attribute values go first: a '>' in v-if="hidden > 0" does not end a tag.
  for (const m of html.replace(/="[^"]*"/g, '=""').matchAll(/>([^<]*)</g)) {
    const text = m[1].replace(/\{\{[\s\S]*?\}\}/g, '').replace(/&[#\w]+;/g, '');
    if (WORDS.test(text)) found.push(text.trim());
  }
  for (const name of SPOKEN) {
    for (const m of html.matchAll(new RegExp(`(?<![:\\w-])${name}="([^"]*)"`, 'g'))) {
      if (WORDS.test(m[1])) found.push(`${name}="${m[1]}"`);
    }
  }
  const expressions = [
    ...[...html.matchAll(/\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]),
    ...SPOKEN.flatMap((name) => [...html.matchAll(new RegExp(`:${name}="([^"]*)"`, 'g'))].map((m) => m[1])),
  ];
  for (const expression of expressions) {
    for (const value of literals(expression)) if (isWords(value) && !isKey(value)) found.push(`'${value}' in ${expression.trim()}`);
  }
  return found;
}

/**
 * Words given to the widget's DOM: h()'s text, spoken attributes and string children, strings given
 * to replaceChildren(), and strings assigned to textContent.
 */
function hardCodedInH(code, isKey) {
  const found = [];
  const children = [
    ...code.matchAll(/\}\s*,\s*('(?:[^'\\\n]|\\.)*')/g),
    ...code.matchAll(/replaceChildren\(\s*('(?:[^'\\\n]|\\.)*')/g),
  ];
  for (const m of children) {
    const value = m[1].slice(1, -1);
    if (isWords(value) && !isKey(value)) found.push(m[0]);
  }
  for (const m of code.matchAll(/\.textContent\s*=([^;]*);/g)) {
    for (const value of literals(m[1])) if (isWords(value) && !isKey(value)) found.push(m[0]);
    if (/`[^`]*[A-Za-z][^`]*`/.test(m[1].replace(/\$\{[^}]*\}/g, ''))) found.push(m[0]);
  }
  const props = new RegExp(`(?:\\btext|${SPOKEN.map((n) => (n.includes('-') ? `'${n}'` : `\\b${n}`)).join('|')})\\s*:\\s*('(?:[^'\\\\\\n]|\\\\.)*')`, 'g');
  for (const m of code.matchAll(props)) {
    const value = m[1].slice(1, -1);
    if (isWords(value) && !isKey(value)) found.push(m[0]);
  }
  return found;
}

for (const front of FRONT_ENDS) {
  const { default: catalogue } = await import(new URL(front.catalogue, `file://${WEBROOT}`));
  const keys = new Set(Object.keys(catalogue));
  const namespaces = new Set([...keys].map((k) => k.split('.')[0]));
  const isKey = (value) => keys.has(value);
  const sources = files(join(WEBROOT, front.folder), ['.js', '.html']).map((path) => ({
    path: relative(WEBROOT, path), code: readFileSync(path, 'utf8'),
  }));

  test(`${front.name}: every key the code names is in the catalogue`, () => {
    const missing = [];
    for (const { path, code } of sources) {
      for (const m of code.matchAll(/\bt\(\s*'([^']+)'/g)) if (!keys.has(m[1])) missing.push(`${path}: ${m[1]}`);
      for (const value of quoted(code)) {
        if (KEY.test(value) && namespaces.has(value.split('.')[0]) && !keys.has(value)) missing.push(`${path}: ${value}`);
      }
    }
    assert.deepEqual([...new Set(missing)], []);
  });

  test(`${front.name}: every key of the catalogue is used`, () => {
    const used = new Set(sources.flatMap(({ code }) => quoted(code)));
    assert.deepEqual([...keys].filter((k) => !used.has(k)), []);
  });

  test(`${front.name}: no template, markup or h() call has words of its own`, () => {
    const found = [];
    for (const { path, code } of sources) {
      for (const markup of markupOf(path, code)) for (const words of hardCodedInMarkup(markup, isKey)) found.push(`${path}: ${words}`);
      if (path.endsWith('.js')) for (const words of hardCodedInH(code, isKey)) found.push(`${path}: ${words}`);
    }
    assert.deepEqual(found, []);
  });

  test(`${front.name}: every text of the catalogue is words, with a one and an other where it counts`, () => {
    for (const [key, text] of Object.entries(catalogue)) {
      assert.match(key, KEY, key);
      if (typeof text === 'object') {
        assert.deepEqual(Object.keys(text).sort(), ['one', 'other'], key);
      } else {
        assert.equal(typeof text, 'string', key);
        assert.ok(text.trim(), key);
      }
    }
  });
}

test('t() fills params, picks one or other by count, and shows a missing key as itself', async () => {
  const { translator } = await import(new URL('shared/i18n.js', `file://${WEBROOT}`));
  const t = translator({ 'a.hello': 'Hello {name}, {name}!', 'a.chats': { one: '{count} chat', other: '{count} chats' }, 'a.use': 'Use {patron.name}' });
  assert.equal(t('a.hello', { name: 'Sam' }), 'Hello Sam, Sam!');
  assert.equal(t('a.chats', { count: 1 }), '1 chat');
  assert.equal(t('a.chats', { count: 3 }), '3 chats');
  assert.equal(t('a.use'), 'Use {patron.name}', 'a canned message placeholder is not a param');
  assert.equal(t('a.nothing'), 'a.nothing');
});
