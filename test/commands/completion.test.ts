import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {completionScript} from '../../source/commands/completion.js';
import {repoDirectory} from '../helpers/paths.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

const run = promisify(execFile);

// The scripts call `broadsheet completion feeds` at TAB time: a `broadsheet` on PATH that runs this checkout.
const bin = mkdtempSync(join(tmpdir(), 'broadsheet-bin-'));
writeFileSync(join(bin, 'broadsheet'), `#!/bin/sh\nexec "${process.execPath}" --import tsx "${repoDirectory}cli.tsx" "$@"\n`, {
	mode: 0o755,
});
test.after.always(() => rmSync(bin, {recursive: true, force: true}));
const env = {...process.env, PATH: `${bin}:${process.env.PATH}`, BROADSHEET_HOME: ''};

const marker = join(tmpdir(), `broadsheet-completion-ran-${process.pid}`);

/**
 * What the shell offers for a command line ending in the word being typed. zsh runs our bash function
 * through bashcompinit's `compgen -F` (as its _bash_complete does), then matches the words against
 * what was typed itself: that last step is done here, as zsh does it (unquoted prefixes).
 */
async function complete(shell: 'bash' | 'zsh', words: string[]): Promise<string[]> {
	const script = completionScript(shell)!;
	const quoted = words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
	const setWords = `COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}`;
	const program =
		shell === 'bash'
			? `${script}\n${setWords}; _broadsheet; printf '%s\\n' "\${COMPREPLY[@]}"`
			: `${script}\nemulate sh; setopt kshglob noshglob braceexpand; ${setWords}; compgen -F _broadsheet -- "\${COMP_WORDS[COMP_CWORD]}"`;
	const {stdout} = await run(shell, shell === 'zsh' ? ['-f', '-c', program] : ['-c', program], {env});
	const offered = stdout.split('\n').filter(Boolean);
	if (shell === 'bash') return offered;
	const unquote = (text: string) => text.replace(/\\(.)/g, '$1');
	return offered.filter((word) => unquote(word).startsWith(unquote(words.at(-1)!)));
}

function homeWithFeeds(t: Parameters<typeof tempHome>[0]): string {
	return tempHome(t, [
		{url: 'https://bbc.example/world.xml', title: 'BBC World'},
		{url: 'https://bbc.example/tech.xml', title: 'BBC Technology'},
		// A feed's text is data: were it expanded, this would create the marker file.
		{url: 'https://hostile.example/feed', title: `$(touch ${marker}) \`touch ${marker}\``},
	]);
}

for (const shell of ['bash', 'zsh'] as const) {
	test(`${shell}: commands, each command's flags, formats per command, settings, and help's commands`, async (t) => {
		t.deepEqual(await complete(shell, ['broadsheet', 'ex']), ['export']);
		t.deepEqual(await complete(shell, ['broadsheet', 're']), ['read', 'remove', 'refresh']);
		t.deepEqual(await complete(shell, ['broadsheet', 'export', '--f']), ['--format', '--feed', '--full']);
		t.deepEqual(await complete(shell, ['broadsheet', 'export', '--format', '']), ['json', 'ndjson', 'markdown', 'html', 'csv', 'opml']);
		t.deepEqual(await complete(shell, ['broadsheet', 'read', '-f', 'm']), ['markdown']);
		t.deepEqual(await complete(shell, ['broadsheet', 'read', '--']), ['--format', '--width', '--home', '--help']);
		t.deepEqual(await complete(shell, ['broadsheet', '--no-color', 'config', 'con']), ['concurrency']);
		t.deepEqual(await complete(shell, ['broadsheet', 'help', 'u']), ['unread']);
		t.deepEqual(await complete(shell, ['broadsheet', 'completion', '']), ['bash', 'zsh', 'fish']);
		// A value is not the command: `--title export` does not make this an export.
		t.deepEqual(await complete(shell, ['broadsheet', 'add', 'https://x.example', '--title', 'export', '--t']), ['--title', '--tag']);
	});

	test(`${shell}: feed titles for --feed, remove and edit (from --home when given), quoted, and never expanded`, async (t) => {
		const home = homeWithFeeds(t);
		t.deepEqual(await complete(shell, ['broadsheet', '--home', home, 'refresh', '--feed', 'BBC']), ['BBC\\ World', 'BBC\\ Technology']);
		t.deepEqual(await complete(shell, ['broadsheet', '--home', home, 'remove', 'BBC\\ W']), ['BBC\\ World']);
		const all = await complete(shell, ['broadsheet', '--home', home, 'edit', '']);
		t.is(all.length, 3);
		t.true(all[2]!.startsWith('\\$\\(touch\\ '), all[2]);
		t.false(existsSync(marker));
	});
}

test('zsh registers the completion through bashcompinit', async (t) => {
	const {stdout} = await run('zsh', ['-f', '-c', `${completionScript('zsh')!}\nprint -r -- "\${_comps[broadsheet]}"`], {env});
	t.is(stdout, '_bash_complete -o bashdefault -o default -F _broadsheet\n');
});

test('fish: commands with their summaries, formats, flags and feed titles, as fish itself completes them', async (t) => {
	const home = homeWithFeeds(t);
	const fish = async (line: string) => {
		const {stdout} = await run(
			'fish',
			['-N', '-c', `${completionScript('fish')!}\ncomplete -C${JSON.stringify(line).replace(/\$/g, '\\$')}`],
			{
				env: {...env, BROADSHEET_HOME: home},
			},
		);
		return stdout.split('\n').filter(Boolean);
	};

	t.deepEqual(await fish('broadsheet unr'), ['unread\tPrint the number of unread items']);
	t.deepEqual(await fish('broadsheet export --format '), ['csv', 'html', 'json', 'markdown', 'ndjson', 'opml']);
	t.deepEqual(await fish('broadsheet read --w'), ['--width']);
	t.deepEqual((await fish('broadsheet refresh --feed BBC')).sort(), ['BBC Technology', 'BBC World']);
	t.is((await fish('broadsheet remove ')).length, 3);
	t.false(existsSync(marker));
});

test('`broadsheet completion` prints the script, `completion feeds` the titles; a missing or unknown shell is a usage error', async (t) => {
	const script = await runCli(['completion', 'bash']);
	t.is(script.code, 0);
	t.is(script.stdout, completionScript('bash')!);
	const home = homeWithFeeds(t);
	const feeds = await runCli(['completion', 'feeds'], {home});
	t.is(feeds.stdout, `BBC World\nBBC Technology\n$(touch ${marker}) \`touch ${marker}\`\n`);
	for (const args of [['completion'], ['completion', 'tcsh']]) {
		const wrong = await runCli(args);
		t.is(wrong.code, 2);
		t.is(wrong.stderr, 'broadsheet: completion needs a shell: broadsheet completion bash|zsh|fish\n');
	}
});
