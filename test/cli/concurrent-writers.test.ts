import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {resolvePaths} from '../../source/config/paths.js';
import {openSettings} from '../../source/config/settings.js';
import {rssFeed, startServer} from '../helpers/programmable-server.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

type Stored = {
	subscriptions: Array<{url: string; title?: string; tags: string[]}>;
	keyBindings: Record<string, string[]>;
	concurrency: number;
};

let server: Awaited<ReturnType<typeof startServer>>;
test.before(async () => {
	server = await startServer((request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 3, title: `Feed ${request.url}`, prefix: request.url!.slice(1)}));
	});
});
test.after.always(async () => server.close());

const feed = (name: string) => server.url(`/${name}`);
const stored = (home: string) => JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as Stored;

test('16 `add`s started at once keep all 16 subscriptions', async (t) => {
	const home = tempHome(t);
	const names = Array.from({length: 16}, (_, index) => `feed${index}`);
	const results = await Promise.all(names.map(async (name) => runCli(['add', feed(name)], {home})));
	for (const result of results) t.is(result.code, 0, result.stderr);
	t.deepEqual(
		stored(home)
			.subscriptions.map((subscription) => subscription.url)
			.sort(),
		names.map(feed).sort(),
	);
});

test('remove, import, edit and key-binding changes racing each other lose nothing', async (t) => {
	const kept = ['a', 'b', 'c', 'd'];
	const doomed = ['w', 'x', 'y', 'z'];
	const home = tempHome(
		t,
		[...kept, ...doomed].map((name) => ({url: feed(name)})),
	);
	const opml = (names: string[]) =>
		`<?xml version="1.0"?><opml version="2.0"><body>${names.map((name) => `<outline type="rss" text="${name}" xmlUrl="${feed(name)}"/>`).join('')}</body></opml>`;
	writeFileSync(join(home, 'one.opml'), opml(['i1', 'i2', 'i3']));
	writeFileSync(join(home, 'two.opml'), opml(['j1', 'j2', 'j3']));
	const actions = ['quit', 'help', 'refresh', 'search'];

	const results = await Promise.all([
		...doomed.map(async (name) => runCli(['remove', feed(name)], {home})),
		runCli(['import', join(home, 'one.opml')], {home}),
		runCli(['import', join(home, 'two.opml')], {home}),
		...kept.map(async (name) => runCli(['edit', feed(name), '--title', `Title ${name}`, '--tag', `tag-${name}`], {home})),
		...actions.map(async (action, index) => runCli(['config', `keyBindings.${action}`, `["F${index + 1}"]`], {home})),
	]);
	for (const result of results) t.is(result.code, 0, result.stderr);

	const after = stored(home);
	const byUrl = new Map(after.subscriptions.map((subscription) => [subscription.url, subscription]));
	t.deepEqual([...byUrl.keys()].sort(), [...kept, 'i1', 'i2', 'i3', 'j1', 'j2', 'j3'].map(feed).sort());
	for (const name of kept) t.like(byUrl.get(feed(name)), {title: `Title ${name}`, tags: [`tag-${name}`]});
	t.deepEqual(after.keyBindings, Object.fromEntries(actions.map((action, index) => [action, [`F${index + 1}`]])));
});

test('a long-running reader that changes settings works from the file as it is now, not the copy it opened with', (t) => {
	const home = tempHome(t, [{url: feed('first')}]);
	const reader = openSettings(resolvePaths(home));
	t.is(reader.get('subscriptions').length, 1);
	const command = openSettings(resolvePaths(home));
	command.update('subscriptions', (subscriptions) => [...subscriptions, {url: feed('second'), tags: []}]);
	reader.update('subscriptions', (subscriptions) => [...subscriptions, {url: feed('third'), tags: []}]);
	t.deepEqual(
		stored(home).subscriptions.map((subscription) => subscription.url),
		[feed('first'), feed('second'), feed('third')],
	);
});

test('config prints, changes and validates settings', async (t) => {
	const home = tempHome(t);
	t.is((await runCli(['config', 'concurrency', '4'], {home})).code, 0);
	t.is((await runCli(['config', 'concurrency'], {home})).stdout, '4\n');
	const bad = await runCli(['config', 'concurrency', 'lots'], {home});
	t.is(bad.code, 2);
	t.is(bad.stderr, 'broadsheet: `concurrency` must be a whole number from 1 to 64\n');
	const unknown = await runCli(['config', 'concurency', '4'], {home});
	t.is(unknown.code, 2);
	t.regex(unknown.stderr, /^broadsheet: unknown setting "concurency": use one of .*concurrency/);
	t.is(stored(home).concurrency, 4);
	const action = await runCli(['config', 'keyBindings.refreshAl', '["F5"]'], {home});
	t.is(action.code, 2);
	t.is(action.stderr, 'broadsheet: unknown key-binding action "refreshAl": did you mean "refreshAll"?\n');
	// A mistake typed into the file by hand is named on the next command, and ignored.
	const file = join(home, 'config.json');
	writeFileSync(file, JSON.stringify({...stored(home), concurency: 2}));
	const listed = await runCli(['feeds'], {home});
	t.is(listed.code, 0);
	t.is(listed.stderr, `broadsheet: ${file}: unknown setting "concurency" (did you mean "concurrency"?): ignored\n`);
});
