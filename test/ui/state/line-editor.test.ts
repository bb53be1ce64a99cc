import test from 'ava';
import {editLine, type EditKey, type Line} from '../../../source/ui/state/line-editor.js';

/** Applies keys in turn from an empty line: strings are typed, objects are keys. */
function typed(...keys: Array<string | EditKey>): Line {
	return keys.reduce<Line>((line, key) => editLine(line, typeof key === 'string' ? {input: key} : key), {value: '', cursor: 0});
}

const ctrl = (input: string): EditKey => ({input, ctrl: true});
const alt = (input: string): EditKey => ({input, meta: true});

test('typing inserts at the cursor; arrows and Backspace move and delete as a line editor does, never past the ends', (t) => {
	t.deepEqual(typed('abc'), {value: 'abc', cursor: 3});
	t.deepEqual(typed('ac', {input: '', leftArrow: true}, 'b'), {value: 'abc', cursor: 2});
	t.deepEqual(typed('ab', {input: '', leftArrow: true}, {input: '', leftArrow: true}, {input: '', leftArrow: true}, 'x'), {
		value: 'xab',
		cursor: 1,
	});
	t.deepEqual(typed('ab', {input: '', rightArrow: true}, 'c'), {value: 'abc', cursor: 3});
	t.deepEqual(typed('abc', {input: '', leftArrow: true}, {input: '', backspace: true}), {value: 'ac', cursor: 1});
	t.deepEqual(typed({input: '', backspace: true}), {value: '', cursor: 0});
	// Control characters in what arrives (a stray CR, an escape) are never inserted.
	t.deepEqual(typed('a\u0007b\u001Bc'), {value: 'abc', cursor: 3});
});

test('Ctrl-A/Home and Ctrl-E/End go to the ends; Ctrl-B/F move by a character, Alt-B/F by a word', (t) => {
	t.deepEqual(typed('world', ctrl('a'), 'hello '), {value: 'hello world', cursor: 6});
	t.deepEqual(typed('world', {input: '', home: true}, ctrl('e'), '!'), {value: 'world!', cursor: 6});
	t.deepEqual(typed('ac', ctrl('b'), 'b', ctrl('f'), 'd'), {value: 'abcd', cursor: 4});
	t.deepEqual(typed('one two three', alt('b')), {value: 'one two three', cursor: 8});
	t.deepEqual(typed('one two three', alt('b'), alt('b'), alt('f')), {value: 'one two three', cursor: 7});
	t.deepEqual(typed('one two', {input: '', leftArrow: true, meta: true}), {value: 'one two', cursor: 4});
});

test('Ctrl-U clears, Ctrl-W deletes the word before the cursor (and the spaces after it), Ctrl-K the rest of the line', (t) => {
	t.deepEqual(typed('https://example.org/feed', ctrl('u')), {value: '', cursor: 0});
	t.deepEqual(typed('bbc world news', ctrl('w')), {value: 'bbc world ', cursor: 10});
	t.deepEqual(typed('bbc world  ', ctrl('w')), {value: 'bbc ', cursor: 4});
	t.deepEqual(typed('bbc world news', alt('b'), ctrl('w')), {value: 'bbc news', cursor: 4});
	t.deepEqual(typed('bbc world news', alt('b'), alt('b'), ctrl('k')), {value: 'bbc ', cursor: 4});
	t.deepEqual(typed(ctrl('w')), {value: '', cursor: 0});
});

test('keys that change nothing give back the same line (so the prompt knows), other control keys are not typed', (t) => {
	const line: Line = {value: 'abc', cursor: 0};
	t.is(editLine(line, {input: '', leftArrow: true}), line);
	t.is(editLine(line, ctrl('z')), line);
	t.is(editLine(line, alt('x')), line);
	t.is(editLine(line, {input: 'q', ignored: true}), line);
});
