import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {startFreshRss} from '../helpers/freshrss.js';
import {rssFeed, startServer} from '../helpers/programmable-server.js';
import {recordedCli, runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';
import {Store} from '../../source/store/store.js';

const reading = 'user/-/state/com.google/reading-list';
const read = 'user/-/state/com.google/read';
const starred = 'user/-/state/com.google/starred';

test('against a real FreshRSS: login, first sync with a feed from here merged in, new items, read and star both ways, offline queue across restarts, folder rename, unsubscribe, no leaks', async (t) => {
	// The feeds FreshRSS fetches, from a loopback server of the test's own (never FreshRSS's port: php -S is single-threaded).
	const feeds = new Map<string, string>([
		['/world.xml', rssFeed({title: 'Loopback World', count: 2, prefix: 'world'})],
		['/tech.xml', rssFeed({title: 'Loopback Tech', count: 1, prefix: 'tech'})],
	]);
	const origin = await startServer((request, response) => {
		const body = feeds.get(new URL(request.url!, 'http://x').pathname);
		response.writeHead(body ? 200 : 404, {'content-type': 'application/rss+xml'});
		response.end(body ?? 'not found');
	});
	t.teardown(origin.close);
	const fresh = await startFreshRss();
	t.teardown(fresh.dispose);
	// Already followed on the service (from a phone), in a folder.
	const added = JSON.parse(await fresh.api('subscription/quickadd', {quickadd: origin.url('/world.xml')})) as {streamId: string};
	await fresh.api('subscription/edit', {ac: 'edit', s: added.streamId, a: 'user/-/label/News'});

	const home = tempHome(t);
	const {cli, outputs} = recordedCli(home);

	// Followed here only, before logging in: the first sync takes it to the service, its items not doubled.
	t.is((await cli(['add', origin.url('/tech.xml')])).code, 0);
	const wrong = await cli(['sync', 'login', fresh.apiUrl, '--user', fresh.user, '--password-stdin'], 'wrong-password\n');
	t.is(wrong.code, 1);
	t.regex(wrong.stderr, /refused user reader .*HTTP 401/);
	const login = await cli(['sync', 'login', fresh.apiUrl, '--user', fresh.user, '--password-stdin'], `${fresh.password}\n`);
	t.is(login.code, 0, login.stderr);

	const first = await cli(['sync', '--json']);
	t.is(first.code, 0, first.stderr);
	const listed = () =>
		runCli(['feeds', '--json'], {home}).then((result) => JSON.parse(result.stdout) as Array<{title: string; tags: string; total: number}>);
	t.deepEqual(
		(await listed()).map(({title, tags, total}) => ({title, tags, total})).sort((a, b) => a.title.localeCompare(b.title)),
		[
			{title: 'Loopback Tech', tags: 'Uncategorized', total: 1},
			{title: 'Loopback World', tags: 'News', total: 2},
		],
	);
	const subscriptions = () =>
		fresh
			.api('subscription/list?output=json')
			.then((text) => JSON.parse(text) as {subscriptions: Array<{id: string; url: string; categories: Array<{label: string}>}>});
	t.true((await subscriptions()).subscriptions.some((subscription) => subscription.url === origin.url('/tech.xml')));

	// A new item upstream.
	feeds.set('/world.xml', rssFeed({title: 'Loopback World', count: 3, prefix: 'world'}));
	await fresh.refresh();
	const second = await cli(['sync', '--json']);
	t.like(JSON.parse(second.stdout), {newItems: 1});
	const titles = async () => {
		const store = Store.open(join(home, 'broadsheet.db'));
		try {
			return new Map(store.items().map((item) => [item.title, item]));
		} finally {
			store.close();
		}
	};

	t.true((await titles()).has('world 2'));

	// Read and starred there (another client), seen here.
	const remoteIds = async (stream: string, exclude?: string) =>
		(
			JSON.parse(await fresh.api(`stream/items/ids?s=${stream}&n=100${exclude ? `&xt=${exclude}` : ''}`)) as {itemRefs: Array<{id: string}>}
		).itemRefs.map((ref) => ref.id);
	const idOf = async (title: string) => {
		const all = await remoteIds(reading);
		const items = JSON.parse(await fresh.api('stream/items/contents', {i: all})) as {
			items: Array<{id: string; title: string; timestampUsec: string}>;
		};
		return items.items.find((item) => item.title === title)!.timestampUsec;
	};

	const world0 = await idOf('world 0');
	await fresh.api('edit-tag', {i: world0, a: read});
	await fresh.api('edit-tag', {i: world0, a: starred});
	t.is((await cli(['sync'])).code, 0);
	t.like((await titles()).get('world 0'), {read: true, starred: true});

	// Read and starred here, seen there.
	let store = Store.open(join(home, 'broadsheet.db'));
	const here = new Map(store.items().map((item) => [item.title, item.id]));
	store.setRead([here.get('world 1')!], true);
	store.setStarred(here.get('tech 0')!, true);
	store.setStarred(here.get('world 0')!, false);
	store.close();
	t.is((await cli(['sync'])).code, 0);
	const world1 = await idOf('world 1');
	const tech0 = await idOf('tech 0');
	t.false((await remoteIds(reading, read)).includes(world1));
	t.deepEqual(await remoteIds(starred), [tech0]);

	// The service down: the change waits, across runs (restarts), and goes when it is back.
	await fresh.stop();
	store = Store.open(join(home, 'broadsheet.db'));
	store.setRead([here.get('world 2')!], true);
	store.close();
	const down = await cli(['sync']);
	t.is(down.code, 1);
	t.regex(down.stderr, /connection refused/);
	t.like(JSON.parse((await cli(['sync', 'status', '--json'])).stdout), {queuedChanges: 1});
	await fresh.restart();
	const back = await cli(['sync', '--json']);
	t.is(back.code, 0, back.stderr);
	t.like(JSON.parse(back.stdout), {pushed: 1});
	t.false((await remoteIds(reading, read)).includes(await idOf('world 2')));

	// A folder renamed here goes there; one renamed there comes here.
	t.is((await cli(['edit', 'Loopback World', '--tag', 'Planet'])).code, 0);
	const folderOf = async (url: string) =>
		(await subscriptions()).subscriptions.find((subscription) => subscription.url === url)?.categories.map((category) => category.label);
	t.deepEqual(await folderOf(origin.url('/world.xml')), ['Planet']);
	await fresh.api('rename-tag', {s: 'user/-/label/Planet', dest: 'user/-/label/Earth'});
	t.is((await cli(['sync'])).code, 0);
	t.is((await listed()).find((feed) => feed.title === 'Loopback World')?.tags, 'Earth');

	// Unsubscribe from here.
	t.is((await cli(['remove', 'Loopback Tech'])).code, 0);
	t.false((await subscriptions()).subscriptions.some((subscription) => subscription.url === origin.url('/tech.xml')));
	t.is((await cli(['sync'])).code, 0);
	t.deepEqual(
		(await listed()).map((feed) => feed.title),
		['Loopback World'],
	);

	for (const args of [
		['sync', 'status'],
		['export', '--format', 'opml'],
		['export', '--format', 'json'],
	])
		await cli(args);
	const secret = fresh.auth.split('/')[1]!;
	for (const text of [...outputs.flatMap((output) => [output.stdout, output.stderr]), readFileSync(join(home, 'config.json'), 'utf8')]) {
		t.false(text.includes(secret), `the token leaked: ${text.slice(0, 200)}`);
		t.false(text.includes(fresh.password), `the password leaked: ${text.slice(0, 200)}`);
	}
});
