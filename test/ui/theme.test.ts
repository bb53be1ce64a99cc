import test from 'ava';
import {colorWanted} from '../../source/ui/theme.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

test('colour is off for --no-color, NO_COLOR, FORCE_COLOR=0 and TERM=dumb, and on otherwise', (t) => {
	t.true(colorWanted({TERM: 'xterm-256color'}, undefined));
	t.true(colorWanted({NO_COLOR: ''}, true));
	t.false(colorWanted({}, false));
	t.false(colorWanted({NO_COLOR: '1'}, undefined));
	t.false(colorWanted({FORCE_COLOR: '0'}, undefined));
	t.false(colorWanted({FORCE_COLOR: 'false'}, undefined));
	t.true(colorWanted({FORCE_COLOR: '1'}, undefined));
	t.false(colorWanted({TERM: 'dumb'}, undefined));
});

test('TERM=dumb: the reader says what to use instead and exits 2', async (t) => {
	const result = await runCli(['--no-color'], {home: tempHome(t), env: {TERM: 'dumb'}});
	t.is(result.code, 2);
	t.regex(
		result.stderr,
		/^broadsheet: TERM=dumb: this terminal cannot move the cursor, which the reader needs; use a command such as `broadsheet export/,
	);
	t.is(result.stdout, '');
});
