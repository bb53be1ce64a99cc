import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {answerBeforeRunning, commandUsages} from '../../source/commands/usage.js';
import {editDistance} from '../../source/text/nearest.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

test('help, the version and mistakes are answered before anything runs', (t) => {
	t.is(answerBeforeRunning(['-v']), 'version');
	t.is(answerBeforeRunning(['--version']), 'version');
	t.is(answerBeforeRunning(['--help']), 'help');
	t.is(answerBeforeRunning(['help']), 'help');
	t.is(answerBeforeRunning(['--no-color', '-h']), 'help');
	for (const command of Object.keys(commandUsages).filter((name) => name !== 'help')) {
		for (const argv of [
			[command, '--help'],
			[command, 'x', '-h'],
			['help', command],
			[command, '--title', '--help', 'x', '--help'],
		]) {
			const answer = answerBeforeRunning(argv);
			t.true(typeof answer === 'object' && answer.code === 0 && answer.stdout!.includes(`$ broadsheet ${command}`), argv.join(' '));
		}
	}

	t.deepEqual(answerBeforeRunning(['refersh']), {
		code: 2,
		stderr: 'broadsheet: unknown command "refersh": did you mean "refresh"? (see broadsheet --help)\n',
	});
	t.deepEqual(answerBeforeRunning(['export', '--fromat', 'csv']), {
		code: 2,
		stderr: 'broadsheet: unknown flag --fromat: did you mean --format? (see broadsheet --help)\n',
	});
	t.deepEqual(answerBeforeRunning(['frobnicate']), {code: 2, stderr: 'broadsheet: unknown command "frobnicate" (see broadsheet --help)\n'});
	// A flag's value is not a flag, whatever it looks like; after `--` nothing is.
	t.is(answerBeforeRunning(['add', 'https://a.example/f', '--title', '-dashing-']), undefined);
	t.is(answerBeforeRunning(['read', '--', '--not-a-flag']), undefined);
	t.is(answerBeforeRunning(['refresh', '--feed=BBC', '--json']), undefined);
	t.is(editDistance('kitten', 'sitting'), 3);
});

test('`<command> --help` prints that command’s usage and does not run it: remove removes nothing, add subscribes to nothing', async (t) => {
	const home = tempHome(t, [{url: 'https://a.example/feed', title: 'BBC World'}]);
	const before = readFileSync(join(home, 'config.json'), 'utf8');
	for (const args of [
		['remove', 'BBC World', '--help'],
		['remove', 'BBC World', '-h'],
		['help', 'remove'],
		['add', 'https://b.example/feed', '--help'],
		['refresh', '--help'],
	]) {
		const result = await runCli(args, {home});
		t.is(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
		t.regex(result.stdout, new RegExp(`\\$ broadsheet ${args[0] === 'help' ? args[1] : args[0]} `), args.join(' '));
		t.is(result.stderr, '');
	}

	t.is(readFileSync(join(home, 'config.json'), 'utf8'), before, 'nothing was changed');
	const version = await runCli(['-v'], {home});
	t.regex(version.stdout, /^\d+\.\d+\.\d+\n$/);
	const typo = await runCli(['remove', 'BBC World', '--jsno'], {home});
	t.is(typo.code, 2);
	t.is(typo.stderr, 'broadsheet: unknown flag --jsno: did you mean --json? (see broadsheet --help)\n');
	t.is(readFileSync(join(home, 'config.json'), 'utf8'), before);
});
