import test from 'ava';
import {buildCli} from '../helpers/build-cli.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';
import {TmuxSession} from '../helpers/tmux.js';

let cli: string;
let remove: () => void;
let server: FixtureServer;

test.before(async () => {
	[{cli, remove}, server] = await Promise.all([buildCli(), startFixtureServer()]);
});
test.after.always(async () => {
	remove();
	await server.close();
});

/** Every line of the screen within the terminal's width: nothing wrapped onto the next row. */
function fits(screen: string, width: number): boolean {
	return screen.split('\n').every((line) => [...line].length <= width);
}

for (const [width, height] of [
	[80, 24],
	[120, 40],
] as const) {
	test(`at ${width}×${height} in a real terminal: a failed feed says why, help fits and scrolls, Ctrl-Z and fg, a restart returns to the story and the place in it, A is undone, the prompt edits`, async (t) => {
		t.true(await TmuxSession.available(), 'tmux is needed for this test (.ci/run installs it)');
		const home = tempHome(t, [{url: server.url('/xml/rss/all.xml')}, {url: server.url('/_test/status/503'), title: 'Broken feed'}]);
		// No refresh of its own at start: its result would take the status line the checks below read.
		await runCli(['config', 'refreshOnStart', 'false'], {home});
		const refreshed = await runCli(['refresh'], {home});
		t.is(refreshed.code, 3, 'one feed failed, the rest were done');
		const session = new TmuxSession();
		t.teardown(async () => session.kill());
		// An interactive shell, for job control: Ctrl-Z hands the terminal back to it and fg resumes.
		await session.start(`env -i PATH="${process.env.PATH}" HOME="${home}" TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i`, {
			width,
			height,
		});
		// In a subshell, as a wrapper (npm start, a script) would run it: Ctrl-Z must stop the whole job.
		const command = `(BROADSHEET_HOME='${home}' '${process.execPath}' '${cli}'; echo "exited $?")`;
		await session.waitFor((screen) => screen.includes('$'), 'the shell prompt');
		await session.keys(command, 'Enter');
		await session.waitFor((screen) => screen.includes('Tillerson to Lavrov'), 'the headlines');

		// The failed feed: fourth in the column (All, Starred, the feed, the broken one).
		await session.keys('Tab', 'j', 'j', 'j');
		const failed = await session.waitFor((screen) => screen.includes('HTTP 503'), 'why the feed failed');
		t.regex(failed, /✗ Broken feed/);
		t.regex(failed, /HTTP 503 · never worked · last tried (just now|\d+m ago)/);
		t.regex(failed, /r retries it now/);
		t.regex(failed, /http:\/\/127\.0\.0\.1:\d+\/_test\/status\/503/);
		t.true(fits(failed, width));

		await session.keys('?');
		const help = await session.waitFor((screen) => screen.includes('Headlines: keys'), 'the help overlay');
		t.regex(help.split('\n')[0]!, /Headlines: keys/, 'the title on the first row');
		t.regex(help, /\? or Esc closes this help/);
		await session.keys('G');
		const end = await session.waitFor((screen) => /q Ctrl-C\s+quit/.test(screen), 'the last key of the help');
		t.regex(end, /\? or Esc closes this help/);
		t.true(fits(end, width));
		await session.keys('Escape');

		await session.keys('C-z');
		await session.waitFor((screen) => /Stopped/.test(screen), 'the shell, the reader stopped');
		t.is(await session.display('#{alternate_on}'), '0', 'the shell’s screen while stopped');
		await session.keys('fg', 'Enter');
		const back = await session.waitFor((screen) => screen.includes('HTTP 503') && screen.includes('✗ Broken feed'), 'the reader again');
		t.is(await session.display('#{alternate_on}'), '1');
		t.is(back, failed, 'redrawn as it was');

		// Read the last story of the feed, a link in it focused, then quit.
		await session.keys('k', 'Tab', 'G', 'Enter');
		await session.waitFor((screen) => screen.includes('Is Russia a real threat') && !screen.includes('│'), 'the article');
		await session.keys('Tab');
		const reading = await session.waitFor((screen) => /\[1\] http/.test(screen), 'a link focused');
		await session.keys('q', 'q');
		await session.waitFor((screen) => screen.includes('exited 0'), 'the reader to exit');

		// Started again: on the same feed, the same story selected (drawn inverse), and the article as it was left.
		await session.keys('clear', 'Enter', command, 'Enter');
		await session.waitFor((screen) => screen.includes('Al Jazeera English · 5 stories'), 'the feed left selected');
		t.regex(await session.screen(true), /\u001B\[[\d;]*7[\d;]*m[^\n]*Is Russia a real threat/, 'the story left, selected');
		await session.keys('Enter');
		const resumed = await session.waitFor((screen) => screen === reading, `the article where reading stopped:\n${reading}`);
		t.is(resumed, reading);
		await session.keys('q');

		// A marks the list read, U takes it back, both said on the status line.
		await session.keys('A');
		await session.waitFor((screen) => /Marked 4 stories read · U undoes/.test(screen), 'the list marked read');
		await session.keys('U');
		await session.waitFor((screen) => /4 stories unread again/.test(screen) && /All\s+4/.test(screen), 'the undo');

		// The add prompt edits like a shell's line; its error is wrapped under it, within the width.
		const statusRow = (screen: string) => screen.trimEnd().split('\n').at(-1)!;
		await session.keys('a', 'bbc world news', 'C-w');
		await session.waitFor((screen) => statusRow(screen).trimEnd() === 'Add feed (URL or site): bbc world', 'Ctrl-W');
		await session.keys('C-a', 'x', 'C-e', '!');
		await session.waitFor((screen) => statusRow(screen).trimEnd() === 'Add feed (URL or site): xbbc world !', 'Ctrl-A and Ctrl-E');
		await session.keys('C-u', server.url('/_test/status/404'), 'Enter');
		const refused = await session.waitFor((screen) => /HTTP 404/.test(screen), 'the add refused');
		const rows = refused.trimEnd().split('\n');
		const promptRow = rows.findIndex((row) => row.startsWith('Add feed (URL or site): http://127.0.0.1'));
		t.true(
			promptRow > 0 &&
				rows
					.slice(promptRow + 1)
					.join(' ')
					.includes('HTTP 404'),
			'the error under the prompt',
		);
		t.true(fits(refused, width));
		await session.keys('Escape', 'q');
		await session.waitFor((screen) => screen.includes('exited 0'), 'the reader to exit again');
	});
}
