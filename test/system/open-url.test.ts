import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {openersFor, openUrl} from '../../source/system/open-url.js';

const url = 'https://news.example/a story?x=1&y=$(touch /tmp/pwned);z';

test('$BROWSER entries come first, colon-separated, %s standing for the URL; then the platform opener', (t) => {
	t.deepEqual(openersFor(url, {BROWSER: 'firefox --new-tab:lynx -dump %s'}, 'linux'), [
		{command: 'firefox', args: ['--new-tab', url]},
		{command: 'lynx', args: ['-dump', url]},
		{command: 'xdg-open', args: [url]},
	]);
	t.deepEqual(openersFor(url, {}, 'darwin'), [{command: 'open', args: [url]}]);
	t.deepEqual(openersFor(url, {WSL_DISTRO_NAME: 'Debian'}, 'linux'), [
		{command: 'xdg-open', args: [url]},
		{command: 'wslview', args: [url]},
	]);
});

test('the first opener that starts wins, with the URL as one argument and no shell; failures are named', async (t) => {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-open-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const log = join(directory, 'args');
	const browser = join(directory, 'browser');
	writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$#" "$1" > '${log}'\n`);
	chmodSync(browser, 0o755);

	const opened = await openUrl(url, [
		{command: join(directory, 'missing'), args: [url]},
		{command: 'false', args: [url]},
		{command: browser, args: [url]},
	]);
	t.deepEqual(opened, {ok: true, command: browser});
	t.is(readFileSync(log, 'utf8'), `1\n${url}\n`);

	const none = await openUrl(url, [
		{command: join(directory, 'missing'), args: [url]},
		{command: 'false', args: [url]},
	]);
	t.deepEqual(none, {ok: false, reason: `${join(directory, 'missing')}: not found; false: exited with 1`});
	t.deepEqual(await openUrl(url, []), {ok: false, reason: 'no browser or opener is set up'});
});
