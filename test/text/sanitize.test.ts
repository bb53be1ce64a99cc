import test from 'ava';
import {sanitizeTerminal} from '../../source/text/sanitize.js';

test('removes CSI, OSC (title, clipboard, hyperlinks), DCS and bare ESC sequences', (t) => {
	t.is(sanitizeTerminal('a\u001B[31mred\u001B[0m b'), 'ared b');
	t.is(sanitizeTerminal('x\u001B]0;new title\u0007y'), 'xy');
	t.is(sanitizeTerminal('x\u001B]52;c;cGF5bG9hZA==\u001B\\y'), 'xy');
	t.is(sanitizeTerminal('\u001B]8;;https://evil\u0007link\u001B]8;;\u0007'), 'link');
	t.is(sanitizeTerminal('a\u001BPq#0;2;0;0;0\u001B\\b'), 'ab');
	t.is(sanitizeTerminal('a\u001Bcb'), 'ab');
});

test('removes 8-bit C1 controls and sequences', (t) => {
	t.is(sanitizeTerminal('a\u009B2Jb'), 'ab');
	t.is(sanitizeTerminal('a\u009D0;t\u009Cb'), 'ab');
	t.is(sanitizeTerminal('a\u0085b'), 'ab');
});

test('removes C0 controls, DEL and bidi overrides; keeps ordinary Unicode', (t) => {
	t.is(sanitizeTerminal('a\u0000b\u0007c\u0008d\u007Fe'), 'abcde');
	t.is(sanitizeTerminal('safe\u202Egnp.exe'), 'safegnp.exe');
	t.is(sanitizeTerminal('\u2066x\u2069\u200F'), 'x');
	t.is(sanitizeTerminal('“Quote” — 日本語 👍🏽 é'), '“Quote” — 日本語 👍🏽 é');
});

test('newlines become spaces unless kept; tabs become spaces; carriage returns never survive', (t) => {
	t.is(sanitizeTerminal('a\nb\tc'), 'a b c');
	t.is(sanitizeTerminal('a\r\nb\rc', {keepNewlines: true}), 'a\nb\nc');
	t.false(sanitizeTerminal('over\rwrite').includes('\r'));
});

test('caps very long strings without splitting a surrogate pair', (t) => {
	const long = 'x'.repeat(9) + '😀' + 'y'.repeat(100);
	const capped = sanitizeTerminal(long, {maxLength: 11});
	t.is(capped, 'x'.repeat(9) + '…');
	t.is(sanitizeTerminal('a'.repeat(50_000), {maxLength: 1000}).length, 1000);
});
