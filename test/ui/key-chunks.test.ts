import test from 'ava';
import type {Key} from 'ink';
import {splitKeys} from '../../source/ui/key-chunks.js';
import {keyName} from '../../source/ui/keymap.js';

const plainKey = {ctrl: false, meta: false} as Key;

test('a read of several characters becomes one key per character, named as each would be alone', (t) => {
	const names = splitKeys('\tjjG\r\u001Au', plainKey).map(({input, key}) => keyName(input, key));
	t.deepEqual(names, ['tab', 'j', 'j', 'G', 'enter', 'ctrl-z', 'u']);
	t.deepEqual(
		splitKeys('日本👍🏽', plainKey).map(({input}) => input),
		['日', '本', '👍', '🏽'],
	);
});

test('a single key, or one with a modifier, is passed on as Ink gave it', (t) => {
	const key = {...plainKey, ctrl: true};
	t.deepEqual(splitKeys('c', key), [{input: 'c', key}]);
	t.deepEqual(splitKeys('j', plainKey), [{input: 'j', key: plainKey}]);
	t.deepEqual(splitKeys('ab', {...plainKey, meta: true}), [{input: 'ab', key: {...plainKey, meta: true}}]);
});
