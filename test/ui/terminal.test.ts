import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {buildCli} from '../helpers/build-cli.js';
import {startFixtureServer} from '../helpers/fixture-server.js';
import {repoDirectory} from '../helpers/paths.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';
import {TmuxSession} from '../helpers/tmux.js';

const seedTitle = 'Tillerson to Lavrov: Russian meddling led to mistrust';

/** The bundled CLI, the fixture site on loopback, a home subscribed to its feed, and a terminal. */
async function readerSetup(t: ExecutionContext) {
	t.true(await TmuxSession.available(), 'tmux is needed for this test (.ci/run installs it)');
	const [{cli, remove}, server] = await Promise.all([buildCli(), startFixtureServer()]);
	const session = new TmuxSession();
	t.teardown(async () => {
		await session.kill();
		await server.close();
		remove();
	});
	return {cli, session, home: tempHome(t, [{url: server.url('/xml/rss/all.xml')}])};
}

test('end to end in a real terminal: seed feed, seed article, a related link followed and come back from, quit restores the terminal', async (t) => {
	const {cli, session, home} = await readerSetup(t);
	// CI=true on purpose: the reader decides interactivity and colour from the terminal, not from CI.
	await session.start(
		`env CI=true TERM=xterm-256color BROADSHEET_HOME='${home}' '${process.execPath}' '${cli}'; echo BROADSHEET-EXITED; sleep 30`,
		{width: 120, height: 40},
	);

	// The first frame comes from the (empty) cache; the background refresh brings the headlines in.
	await session.waitFor((screen) => screen.includes(seedTitle), 'the seed headline');
	t.is(await session.display('#{alternate_on}'), '1', 'alternate screen');
	await session.keys('Enter');
	const article = await session.waitFor((screen) => screen.includes('Al Jazeera · 7 Aug 2017'), 'the seed article');
	t.true(article.includes(seedTitle));
	t.regex(article, /Rex Tillerson \[1\] said on Monday/);
	const coloured = await session.screen(true);
	t.regex(coloured, /\u001B\[3m(?:\u001B\[[\d;]+m)*“serious mistrust”/, 'the quotation is highlighted');

	await session.keys('Tab', 'Tab', 'Tab');
	const focused = await session.waitFor(
		(screen) => /\[3\] http:\/\/127\.0\.0\.1:\d+\/indepth\/opinion/.test(screen),
		'the first related link focused',
	);
	t.regex(await session.screen(true), /\u001B\[[\d;]*7[\d;]*m[^\n]*OPINION/, 'focus shown inverse');
	await session.keys('Enter');
	await session.waitFor((screen) => screen.split('\n')[0]!.includes('Is Russia a real threat to the West?'), 'the related page');
	await session.keys('Escape');
	const back = await session.waitFor((screen) => screen.includes(seedTitle) && /\[3\] http/.test(screen), 'the seed article again');
	t.is(back, focused, 'the same place: same scroll, same focus');

	await session.keys('q');
	await session.waitFor((screen) => /All\s+4/.test(screen), 'the headlines, one story read');
	await session.keys('q');
	await session.waitFor((screen) => screen.includes('BROADSHEET-EXITED'), 'the reader to exit');
	t.is(await session.display('#{alternate_on}'), '0', 'alternate screen left');
	t.is(await session.display('#{cursor_flag}'), '1', 'cursor shown');
});

test('the first paint shows the cached headlines before Ink loads; SIGTERM gives the terminal back, input modes included', async (t) => {
	const {cli, session, home} = await readerSetup(t);
	const refreshed = await runCli(['refresh'], {home});
	t.is(refreshed.code, 0, refreshed.stderr);
	const trace = join(home, 'trace.txt');
	await session.start(
		`sh -c 'echo $$ > "${home}/pid"; exec env TERM=xterm-256color BROADSHEET_HOME="${home}" BROADSHEET_TRACE="${trace}" "${process.execPath}" "${cli}"'; stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon; echo BROADSHEET-EXITED; sleep 30`,
		{width: 100, height: 30},
	);
	const first = await session.waitFor((screen) => screen.includes('Tillerson to Lavrov: Russian meddling'), 'the cached headlines');
	t.regex(first, /All\s+5/);
	await session.waitFor(() => existsSync(trace) && readFileSync(trace, 'utf8').includes('\nframe '), 'Ink’s first frame');
	const events = readFileSync(trace, 'utf8').split('\n');
	const paintedAt = Number(events.find((line) => line.startsWith('paint '))!.split(' ')[1]);
	const framedAt = Number(events.find((line) => line.startsWith('frame '))!.split(' ')[1]);
	t.true(paintedAt < framedAt, 'painted before Ink drew its first frame');
	t.is(await session.display('#{alternate_on}'), '1');

	process.kill(Number(readFileSync(join(home, 'pid'), 'utf8')), 'SIGTERM');
	const after = await session.waitFor((screen) => screen.includes('BROADSHEET-EXITED'), 'the reader to exit');
	t.is(await session.display('#{alternate_on}'), '0', 'alternate screen left');
	t.is(await session.display('#{cursor_flag}'), '1', 'cursor shown');
	t.regex(after, /^echo$/m, 'echo back on');
	t.regex(after, /^icanon$/m, 'line editing back on');
});

test('NO_COLOR in a real terminal: not one colour, yet the selection is inverse and quotations are underlined', async (t) => {
	const {cli, session, home} = await readerSetup(t);
	const refreshed = await runCli(['refresh'], {home});
	t.is(refreshed.code, 0, refreshed.stderr);
	await session.start(`env NO_COLOR=1 TERM=xterm-256color BROADSHEET_HOME='${home}' '${process.execPath}' '${cli}'; sleep 30`, {
		width: 120,
		height: 40,
	});
	await session.waitFor((screen) => screen.includes('Tillerson to Lavrov'), 'the cached headlines');
	const headlines = await session.screen(true);
	t.notRegex(headlines, /Warning|NO_COLOR/, `nothing drawn over the screen: ${JSON.stringify(headlines.split('\n').slice(0, 3))}`);
	t.regex(headlines, /\u001B\[[\d;]*7[\d;]*m[^\n]*Tillerson to Lavrov/, 'the selected headline is inverse');
	await session.keys('Enter');
	await session.waitFor((screen) => screen.includes('Al Jazeera · 7 Aug 2017'), 'the seed article');
	const article = await session.screen(true);
	t.regex(article, /\u001B\[[\d;]*4[\d;]*m(?:\u001B\[[\d;]+m)*“serious mistrust”/, 'the quotation is underlined');
	// No foreground or background colour anywhere: 30–37, 39 aside, 40–47, 90–97, 100–107, 38;… and 48;….
	for (const screen of [headlines, article]) t.notRegex(screen, /\u001B\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/);
});

test('a crash after the reader took the terminal: the shell’s screen comes back, and Node’s report of the error is on it', async (t) => {
	t.true(await TmuxSession.available(), 'tmux is needed for this test (.ci/run installs it)');
	const session = new TmuxSession();
	t.teardown(async () => session.kill());
	const home = tempHome(t);
	const script = `import {enterFullScreen} from ${JSON.stringify(`${repoDirectory}source/ui/full-screen.ts`)};
		enterFullScreen(${JSON.stringify(join(home, 'reader.log'))});
		process.stdout.write('PAINTED');
		process.stdin.once('data', () => { throw new Error('boom inside the reader'); });`;
	await session.start(
		`cd '${repoDirectory}' && '${process.execPath}' --import tsx --input-type=module -e "${script.replaceAll('"', '\\"')}"; echo BROADSHEET-EXITED; sleep 30`,
		{width: 100, height: 30},
	);
	await session.waitFor((screen) => screen.includes('PAINTED'), 'the full screen');
	t.is(await session.display('#{alternate_on}'), '1');
	// The crash comes on a key the test sends once it has looked: no timer to race a loaded machine.
	await session.keys('x');
	const after = await session.waitFor((screen) => screen.includes('BROADSHEET-EXITED'), 'the crash');
	t.is(await session.display('#{alternate_on}'), '0', 'alternate screen left');
	t.is(await session.display('#{cursor_flag}'), '1', 'cursor shown');
	t.regex(after, /Error: boom inside the reader/, 'the report is on the shell’s screen');
	t.notRegex(after, /PAINTED/);
});
