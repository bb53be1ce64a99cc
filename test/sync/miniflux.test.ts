import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {startMinifluxServer} from '../helpers/miniflux-server.js';
import {recordedCli, runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';
import {Store} from '../../source/store/store.js';
import {resolvePaths} from '../../source/config/paths.js';
import {openSettings} from '../../source/config/settings.js';
import {readerSync} from '../../source/sync/sync-and-refresh.js';
import {readAccount} from '../../source/sync/account.js';
import {syncLineOf} from '../../source/ui/sync-line.js';

type Exported = Array<{title: string; read: boolean; starred: boolean; feedTitle: string}>;

async function exported(home: string): Promise<Exported> {
	const result = await runCli(['export', '--format', 'json'], {home});
	return (JSON.parse(result.stdout) as {items: Exported}).items;
}

/** The credentials must never show: not in any command's output, config.json, exports or OPML. */
function assertNoSecrets(t: {false: (value: boolean, message?: string) => void}, texts: string[], secrets: string[]) {
	for (const text of texts) for (const secret of secrets) t.false(text.includes(secret), `a secret leaked into: ${text.slice(0, 200)}`);
}

test('the Miniflux dialect: log in, first sync, new items, read and star both ways, offline queue, 401, unsubscribe, no leaks', async (t) => {
	const service = await startMinifluxServer();
	t.teardown(service.close);
	const world = service.addFeed({url: 'https://news.example/world.xml', title: 'World News', category: 'Daily'});
	service.addItem(world.id, {title: 'Summit opens', link: 'https://news.example/summit', published: 1_796_000_000});
	service.addItem(world.id, {title: 'Markets steady', link: 'https://news.example/markets', published: 1_796_000_100, read: true});
	service.addItem(world.id, {title: 'Storm warning', link: 'https://news.example/storm', published: 1_796_000_200, starred: true});
	const home = tempHome(t);
	const {cli, outputs} = recordedCli(home);

	const wrong = await cli(['sync', 'login', service.origin, '--user', 'reader', '--password-stdin'], 'not the password\n');
	t.is(wrong.code, 1);
	t.regex(wrong.stderr, /refused user reader/);
	const login = await cli(['sync', 'login', service.origin, '--user', 'reader', '--password-stdin'], `${service.password}\n`);
	t.is(login.code, 0, login.stderr);
	t.is(statSync(join(home, 'sync-account.json')).mode & 0o777, 0o600);

	const first = await cli(['sync', '--json']);
	t.is(first.code, 0, first.stderr);
	t.is((JSON.parse(first.stdout) as {newItems: number}).newItems, 3);
	const feeds = JSON.parse((await cli(['feeds', '--json'])).stdout) as Array<{title: string; tags: string; unread: number}>;
	t.deepEqual(
		feeds.map(({title, tags, unread}) => ({title, tags, unread})),
		[{title: 'World News', tags: 'Daily', unread: 2}],
	);
	t.deepEqual(
		(await exported(home)).map(({title, read, starred}) => ({title, read, starred})),
		[
			{title: 'Storm warning', read: false, starred: true},
			{title: 'Markets steady', read: true, starred: false},
			{title: 'Summit opens', read: false, starred: false},
		],
	);

	// Upstream: a new item, one read and one unstarred there.
	service.addItem(world.id, {title: 'Talks collapse', link: 'https://news.example/talks', published: 1_796_000_300});
	service.items.find((item) => item.title === 'Summit opens')!.read = true;
	service.items.find((item) => item.title === 'Storm warning')!.starred = false;
	const second = await cli(['sync', '--json']);
	t.is(second.code, 0, second.stderr);
	t.like(JSON.parse(second.stdout), {newItems: 1, pulled: 2, pushed: 0});
	t.like(Object.fromEntries((await exported(home)).map((item) => [item.title, {read: item.read, starred: item.starred}])), {
		'Summit opens': {read: true, starred: false},
		'Storm warning': {read: false, starred: false},
		'Talks collapse': {read: false},
	});

	// Here: star one and mark one read while the service fails; the changes wait across restarts (each CLI run is one).
	const store = Store.open(join(home, 'broadsheet.db'));
	const ids = new Map(store.items().map((item) => [item.title, item.id]));
	store.setStarred(ids.get('Talks collapse')!, true);
	store.setRead([ids.get('Storm warning')!], true);
	store.close();
	service.failNext(503, 503, 503);
	const down = await cli(['sync']);
	t.is(down.code, 1);
	t.regex(down.stderr, /HTTP 503/);
	const status = JSON.parse((await cli(['sync', 'status', '--json'])).stdout) as {queuedChanges: number; lastError: {message: string}};
	t.is(status.queuedChanges, 2);
	t.regex(status.lastError.message, /503/);
	const back = await cli(['sync', '--json']);
	t.is(back.code, 0, back.stderr);
	t.like(JSON.parse(back.stdout), {pushed: 2});
	t.true(service.items.find((item) => item.title === 'Talks collapse')!.starred);
	t.true(service.items.find((item) => item.title === 'Storm warning')!.read);
	t.is((JSON.parse((await cli(['sync', 'status', '--json'])).stdout) as {queuedChanges: number}).queuedChanges, 0);
	// Miniflux reads POST logins from the T field alone: every POST carried it, and no GET carried it in the query.
	for (const request of service.requests.filter((entry) => entry.method === 'POST' && entry.path.startsWith('/reader/'))) {
		t.is(new URLSearchParams(request.body).get('T'), service.token, request.path);
	}

	t.false(service.requests.some((request) => request.query.includes(service.token.split('/')[1]!)));

	// Changed on both sides: the change made here wins.
	const again = Store.open(join(home, 'broadsheet.db'));
	again.setRead([ids.get('Talks collapse')!], true);
	again.close();
	service.items.find((item) => item.title === 'Talks collapse')!.starred = false;
	service.items.find((item) => item.title === 'Talks collapse')!.read = false;
	t.is((await cli(['sync'])).code, 0);
	t.true(service.items.find((item) => item.title === 'Talks collapse')!.read);

	// Unsubscribe from here: gone there, and here.
	const removed = await cli(['remove', 'World News']);
	t.is(removed.code, 0, removed.stderr);
	t.deepEqual(service.feeds, []);
	t.is((await cli(['sync'])).code, 0);
	t.deepEqual(JSON.parse((await cli(['feeds', '--json'])).stdout), []);

	// A token the service no longer accepts: say to log in again.
	const accountFile = join(home, 'sync-account.json');
	const account = JSON.parse(readFileSync(accountFile, 'utf8')) as {auth: string};
	writeFileSync(accountFile, JSON.stringify({...account, auth: 'reader/revoked'}), {mode: 0o600});
	const refused = await cli(['sync']);
	t.is(refused.code, 1);
	t.regex(refused.stderr, /HTTP 401\): log in again/);
	writeFileSync(accountFile, JSON.stringify(account), {mode: 0o600});

	await cli(['sync', 'status']);
	await cli(['export', '--format', 'opml']);
	await cli(['export', '--format', 'ndjson']);
	const logout = await cli(['sync', 'logout']);
	t.is(logout.code, 0);
	t.throws(() => statSync(accountFile));
	const secret = service.token.split('/')[1]!;
	assertNoSecrets(
		t,
		[
			...outputs.flatMap((output) => [output.stdout, output.stderr]),
			readFileSync(join(home, 'config.json'), 'utf8'),
			// The database and its write-ahead log: the token is in the account file alone.
			...['broadsheet.db', 'broadsheet.db-wal']
				.filter((file) => existsSync(join(home, file)))
				.map((file) => readFileSync(join(home, file), 'latin1')),
		],
		[secret, service.password],
	);
});

test('sync login refuses plain http to another machine unless --insecure, and a URL carrying a password', async (t) => {
	const home = tempHome(t);
	const plain = await runCli(['sync', 'login', 'http://rss.example.org/api/greader.php', '--user', 'me', '--password-stdin'], {
		home,
		input: 'pw\n',
	});
	t.is(plain.code, 1);
	t.regex(plain.stderr, /plain http.*--insecure/);
	const withPassword = await runCli(['sync', 'login', 'https://me:secret@rss.example.org/', '--user', 'me', '--password-stdin'], {
		home,
		input: 'pw\n',
	});
	t.is(withPassword.code, 1);
	t.false(withPassword.stderr.includes('secret'));
	const notLoggedIn = await runCli(['sync'], {home});
	t.is(notLoggedIn.code, 2);
	t.regex(notLoggedIn.stderr, /not logged in/);
});

test('the reader’s refresh is a sync with a service connected (readerSync): one summary naming the service, and a feed list without anything but http(s) feeds', async (t) => {
	const service = await startMinifluxServer();
	t.teardown(service.close);
	const world = service.addFeed({url: 'https://news.example/world.xml', title: 'World News'});
	service.addFeed({url: 'javascript:alert(1)', title: 'Not a feed'});
	service.addItem(world.id, {title: 'Summit opens', link: 'https://news.example/summit'});
	const home = tempHome(t);
	t.is((await runCli(['sync', 'login', service.origin, '--user', 'reader', '--password-stdin'], {home, input: service.password})).code, 0);
	const paths = resolvePaths(home);
	const store = Store.open(paths.databaseFile);
	t.teardown(() => store.close());
	const settings = openSettings(paths);
	const events: string[] = [];
	const summary = await readerSync(store, settings, readAccount(paths)!, (event) => events.push(event.type));
	t.like(summary, {newItems: 1, failed: 0, synced: {service: '127.0.0.1:' + new URL(service.origin).port, queued: 0}});
	t.deepEqual(events, ['start', 'feed-done']);
	t.deepEqual(
		settings.get('subscriptions').map((subscription) => subscription.url),
		['https://news.example/world.xml'],
	);
	t.is(syncLineOf(paths, store, new Date()), 'Synced just now');
});

test('a service that wants a registered app’s id and key (as Inoreader does) gets them on every request, ClientLogin included', async (t) => {
	const app = {id: '1000001234', key: 'app-key-for-tests'};
	const service = await startMinifluxServer({app});
	t.teardown(service.close);
	const world = service.addFeed({url: 'https://news.example/world.xml', title: 'World News'});
	service.addItem(world.id, {title: 'Summit opens', link: 'https://news.example/summit'});
	const home = tempHome(t);
	const login = ['sync', 'login', service.origin, '--user', 'reader', '--password-stdin'];
	t.is((await runCli(login, {home, input: service.password})).code, 1);
	t.is((await runCli([...login, '--app-id', app.id], {home, input: service.password})).code, 2);
	const withoutApp = service.requests.length;
	const withApp = await runCli([...login, '--app-id', app.id, '--app-key', app.key], {home, input: service.password});
	t.is(withApp.code, 0, withApp.stderr);
	const synced = await runCli(['sync', '--json'], {home});
	t.is(synced.code, 0, synced.stderr);
	t.like(JSON.parse(synced.stdout), {newItems: 1});
	t.true(
		service.requests.slice(withoutApp).every((request) => request.headers['appid'] === app.id && request.headers['appkey'] === app.key),
	);
});
