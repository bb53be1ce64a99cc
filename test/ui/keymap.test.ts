import test from 'ava';
import type {Key} from 'ink';
import {createKeyMap, keyName} from '../../source/ui/keymap.js';

const key = (flags: Partial<Key> = {}) => ({ctrl: false, meta: false, shift: false, ...flags}) as Key;

test('Ink key events get one name each, as bindings are written', (t) => {
	t.is(keyName('j', key()), 'j');
	t.is(keyName('G', key({shift: true})), 'G');
	t.is(keyName(' ', key()), 'space');
	t.is(keyName('', key({return: true})), 'enter');
	t.is(keyName('', key({escape: true})), 'escape');
	t.is(keyName('', key({tab: true})), 'tab');
	t.is(keyName('', key({tab: true, shift: true})), 'shift-tab');
	t.is(keyName('', key({backspace: true})), 'backspace');
	t.is(keyName('', key({delete: true})), 'backspace');
	t.is(keyName('', key({pageDown: true})), 'pagedown');
	t.is(keyName('', key({upArrow: true})), 'up');
	t.is(keyName('', key({leftArrow: true, meta: true})), 'alt-left');
	t.is(keyName('c', key({ctrl: true})), 'ctrl-c');
	t.is(keyName('Z', key({ctrl: true})), 'ctrl-z');
});

test('bindings replace an action’s keys on every screen; Ctrl-C always quits; help shows what is bound', (t) => {
	const keymap = createKeyMap({toggleStar: ['*'], quit: ['x']});
	t.is(keymap.lookup('headlines', '*'), 'toggleStar');
	t.is(keymap.lookup('article', '*'), 'toggleStar');
	t.is(keymap.lookup('headlines', 's'), undefined);
	t.is(keymap.lookup('headlines', 'ctrl-c'), 'quit');
	t.is(keymap.lookup('article', 'ctrl-z'), 'suspend');
	t.deepEqual(keymap.keysFor('headlines', 'quit'), ['x']);
	t.true(keymap.help('headlines').some((entry) => entry.keys === '*' && entry.help === 'star / unstar'));
});
