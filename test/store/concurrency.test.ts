import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {refreshFeeds} from '../../source/refresh/refresh.js';
import {Store} from '../../source/store/store.js';
import {repoDirectory} from '../helpers/paths.js';
import {rssFeed, startServer} from '../helpers/programmable-server.js';

function child(args: string[]) {
	const process_ = spawn(process.execPath, ['--import', 'tsx', join(repoDirectory, 'test/helpers/store-child.ts'), ...args], {
		cwd: repoDirectory,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	process_.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const exited = new Promise<number | null>((resolve) => process_.on('close', (code) => resolve(code)));
	return {process: process_, exited, output: () => stdout, errors: () => stderr};
}

function tempDirectory(t: {teardown: (fn: () => void) => void}): string {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-db-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	return directory;
}

test('two processes flagging items and refreshing at once lose no update', async (t) => {
	let version = 0;
	const server = await startServer((_request, response) => {
		version++;
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		// Every fetch changes every title, so each refresh rewrites the rows the other process is flagging.
		response.end(rssFeed({count: 120, title: `v${version}`}).replace(/<title>item (\d+)<\/title>/g, `<title>item $1 v${version}</title>`));
	});
	t.teardown(async () => server.close());
	const directory = tempDirectory(t);
	const database = join(directory, 'broadsheet.db');
	const feedUrl = server.url('/feed');
	const store = Store.open(database);
	await refreshFeeds(store, [{url: feedUrl, tags: []}], {concurrency: 1, perHostConcurrency: 1, keepItemsPerFeed: 1000});
	const ids = store.items().map((item) => item.id);
	store.close();
	t.is(ids.length, 120);
	const even = ids.filter((_, index) => index % 2 === 0);
	const odd = ids.filter((_, index) => index % 2 === 1);
	writeFileSync(join(directory, 'even.json'), JSON.stringify(even));
	writeFileSync(join(directory, 'odd.json'), JSON.stringify(odd));

	const starring = child(['toggle', database, feedUrl, 'star', join(directory, 'even.json'), '6']);
	const reading = child(['toggle', database, feedUrl, 'read', join(directory, 'odd.json'), '6']);
	t.is(await starring.exited, 0, starring.errors());
	t.is(await reading.exited, 0, reading.errors());

	const after = Store.open(database);
	const items = after.items();
	after.close();
	t.is(items.length, 120);
	const lost = items.filter((item) => (even.includes(item.id) ? !item.starred : !item.read));
	t.deepEqual(lost, [], `${lost.length} lost updates`);
	t.true(version > 10, `only ${version} refreshes ran`);
});

test('kill -9 in the middle of a refresh leaves a sound database with every committed feed whole', async (t) => {
	const server = await startServer(async (request, response) => {
		await new Promise((resolve) => setTimeout(resolve, 60));
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 50, prefix: request.url!.replace(/\W/g, ''), bodyBytes: 2000}));
	});
	t.teardown(async () => server.close());
	const directory = tempDirectory(t);
	const database = join(directory, 'broadsheet.db');
	const urls = Array.from({length: 40}, (_, index) => server.url(`/feed/${index}`));
	writeFileSync(join(directory, 'feeds.json'), JSON.stringify(urls));

	const refresh = child(['refresh', database, join(directory, 'feeds.json')]);
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no progress: ${refresh.errors()}`)), 30_000);
		refresh.process.stdout.on('data', () => {
			if (
				refresh
					.output()
					.split('\n')
					.filter((line) => line.startsWith('done ')).length >= 5
			) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
	refresh.process.kill('SIGKILL');
	await refresh.exited;
	const committed = refresh
		.output()
		.split('\n')
		.filter((line) => line.startsWith('done '))
		.map((line) => line.slice(5));
	t.true(committed.length >= 5 && committed.length < urls.length, `${committed.length} feeds done before the kill`);

	const store = Store.open(database);
	t.teardown(() => store.close());
	t.deepEqual(store.db.prepare('PRAGMA integrity_check').all(), [{integrity_check: 'ok'}]);
	for (const url of committed) {
		const feed = store.feedByUrl(url)!;
		t.truthy(feed.lastSuccess, url);
		t.is(store.items({feedIds: [feed.id]}).length, 50, url);
	}

	// And it keeps working: a new refresh completes the rest.
	const summary = await refreshFeeds(
		store,
		urls.map((url) => ({url, tags: []})),
		{concurrency: 8, perHostConcurrency: 8, keepItemsPerFeed: 1000},
	);
	t.is(summary.failed, 0);
	t.is(store.items().length, 40 * 50);
});
