import test from 'node:test';
import assert from 'node:assert/strict';
import { linkify, safeHref } from '../../main/resources/webroot/shared/linkify.js';

const joined = (parts) => parts.map((part) => part.text).join('');

test('plain text stays one text part', () => {
  assert.deepEqual(linkify('Do you have the atlas?'), [{ text: 'Do you have the atlas?' }]);
});

test('empty and missing text give no parts', () => {
  assert.deepEqual(linkify(''), []);
  assert.deepEqual(linkify(null), []);
  assert.deepEqual(linkify(undefined), []);
});

test('an http or https address in a sentence becomes a link and the words around it stay text', () => {
  const parts = linkify('See https://library.example.org/atlas?id=7 for details');
  assert.deepEqual(parts, [
    { text: 'See ' },
    { href: 'https://library.example.org/atlas?id=7', text: 'https://library.example.org/atlas?id=7' },
    { text: ' for details' },
  ]);
  assert.deepEqual(linkify('http://x.org')[0].href, 'http://x.org/');
});

test('the punctuation ending a sentence is not part of the link', () => {
  const parts = linkify('Try https://x.org/catalogue. Or https://y.org/a, then "https://z.org/b"!');
  assert.deepEqual(parts.filter((p) => p.href).map((p) => p.text),
    ['https://x.org/catalogue', 'https://y.org/a', 'https://z.org/b']);
  assert.equal(joined(parts), 'Try https://x.org/catalogue. Or https://y.org/a, then "https://z.org/b"!');
});

test('brackets around a link stay outside it, brackets inside it stay in', () => {
  const around = linkify('(see https://x.org/a)');
  assert.deepEqual(around, [{ text: '(see ' }, { href: 'https://x.org/a', text: 'https://x.org/a' }, { text: ')' }]);
  const inside = linkify('https://en.wikipedia.org/wiki/Atlas_(cartography)');
  assert.equal(inside.length, 1);
  assert.equal(inside[0].text, 'https://en.wikipedia.org/wiki/Atlas_(cartography)');
});

test('a www. address links to https', () => {
  const parts = linkify('on www.example.org/hours today');
  assert.deepEqual(parts[1], { href: 'https://www.example.org/hours', text: 'www.example.org/hours' });
});

test('dangerous schemes never become links', () => {
  for (const text of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>',
    'vbscript:msgbox', 'file:///etc/passwd', 'ftp://x.org/file']) {
    const parts = linkify(text);
    assert.ok(parts.every((part) => !part.href), text);
    assert.equal(joined(parts), text);
  }
});

test('a link hidden after a dangerous scheme links only to its own http address', () => {
  const parts = linkify('javascript:https://x.org/');
  const links = parts.filter((p) => p.href);
  assert.deepEqual(links.map((p) => p.href), ['https://x.org/']);
  assert.equal(joined(parts), 'javascript:https://x.org/');
});

test('markup in the text stays text, and quotes end a link', () => {
  const parts = linkify('<a href="https://x.org/">x</a> https://y.org/"onmouseover="alert(1)');
  assert.deepEqual(parts.filter((p) => p.href).map((p) => p.href), ['https://x.org/', 'https://y.org/']);
  assert.equal(joined(parts), '<a href="https://x.org/">x</a> https://y.org/"onmouseover="alert(1)');
});

test('a scheme with no host is not a link', () => {
  assert.deepEqual(linkify('https:// is how links start'), [{ text: 'https:// is how links start' }]);
});

test('several links and line breaks keep their order and the whole text', () => {
  const text = 'First https://a.org/1\nthen http://b.org/2 and\nhttps://c.org/3';
  const parts = linkify(text);
  assert.deepEqual(parts.filter((p) => p.href).map((p) => p.href), ['https://a.org/1', 'http://b.org/2', 'https://c.org/3']);
  assert.equal(joined(parts), text);
});

test('safeHref accepts only http and https addresses with a host', () => {
  assert.equal(safeHref('https://library.example.org/page'), 'https://library.example.org/page');
  assert.equal(safeHref('  http://x.org  '), 'http://x.org/');
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('/relative/path'), null);
  assert.equal(safeHref(''), null);
  assert.equal(safeHref(null), null);
  assert.equal(safeHref(42), null);
});
