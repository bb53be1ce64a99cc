import {readFileSync} from 'node:fs';
import test from 'ava';
import type {Subscription} from '../../source/config/subscription.js';
import {refreshFeeds, type RefreshEvent, type RefreshOptions} from '../../source/refresh/refresh.js';
import {Store} from '../../source/store/store.js';
import {startFixtureServer} from '../helpers/fixture-server.js';
import {corporaDirectory} from '../helpers/paths.js';
import {rssFeed, startServer} from '../helpers/programmable-server.js';

const options = (extra: Partial<RefreshOptions> = {}): RefreshOptions => ({
	concurrency: 8,
	perHostConcurrency: 2,
	keepItemsPerFeed: 1000,
	...extra,
});
const subscribe = (url: string): Subscription => ({url, tags: []});

test('the seed feed: items stored, then a second refresh is all 304s and parses nothing', async (t) => {
	const server = await startFixtureServer();
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	const feed = subscribe(server.url('/xml/rss/all.xml'));
	const events: RefreshEvent[] = [];
	const first = await refreshFeeds(store, [feed], options({onEvent: (event) => events.push(event)}));
	t.like(first, {total: 1, updated: 1, newItems: 5, failed: 0});
	t.deepEqual(
		events.map((event) => event.type),
		['start', 'feed-start', 'feed-done', 'done'],
	);
	t.is(store.items().length, 5);
	t.is(store.items()[0]!.title, 'Tillerson to Lavrov: Russian meddling led to mistrust');

	const second = await refreshFeeds(store, [feed], options());
	t.like(second, {updated: 0, notModified: 1, newItems: 0});
	t.is(store.items().length, 5);
	t.truthy(store.feedByUrl(feed.url)!.lastSuccess);
});

test('read and starred state survive a refresh that changes the items', async (t) => {
	let version = 0;
	const server = await startServer((_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(
			rssFeed({count: 3, prefix: version === 0 ? 'story' : 'story', title: `Feed v${version}`}).replace(
				'story 0<',
				`story 0 (updated ${version})<`,
			),
		);
	});
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	const feed = subscribe(server.url('/feed'));
	await refreshFeeds(store, [feed], options());
	const [first] = store.items({limit: 1});
	const oldest = store.items().find((item) => item.guid === 'story-0')!;
	store.setRead([oldest.id], true);
	store.setStarred(first!.id, true);
	version = 1;
	const summary = await refreshFeeds(store, [feed], options());
	t.is(summary.newItems, 0);
	const after = store.items();
	t.is(after.length, 3);
	const updated = after.find((item) => item.guid === 'story-0')!;
	t.is(updated.title, 'story 0 (updated 1)');
	t.true(updated.read);
	t.true(after.find((item) => item.id === first!.id)!.starred);
	t.deepEqual(
		store.search('updated').map((item) => item.guid),
		['story-0'],
	);
});

test('a failing feed keeps its items and records the error; the others are done (partial)', async (t) => {
	let failing = false;
	const server = await startServer((request, response) => {
		if (request.url === '/bad' && failing) {
			response.writeHead(500);
			response.end('oops');
			return;
		}

		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 2, prefix: request.url!.slice(1)}));
	});
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	const feeds = [subscribe(server.url('/good')), subscribe(server.url('/bad'))];
	await refreshFeeds(store, feeds, options());
	failing = true;
	const summary = await refreshFeeds(store, feeds, options());
	t.like(summary, {total: 2, updated: 1, failed: 1});
	t.regex(summary.failures[0]!.message, /HTTP 500/);
	const bad = store.feedByUrl(server.url('/bad'))!;
	t.is(bad.errorKind, 'http');
	t.regex(bad.errorMessage ?? '', /HTTP 500/);
	t.is(store.items({feedIds: [bad.id]}).length, 2);
});

test('429 with Retry-After defers every feed of that host until then', async (t) => {
	let requests = 0;
	const server = await startServer((_request, response) => {
		requests++;
		response.writeHead(429, {'retry-after': '120'});
		response.end();
	});
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	const now = new Date('2026-11-27T12:00:00Z');
	const first = await refreshFeeds(store, [subscribe(server.url('/a'))], options({concurrency: 1, now: () => now}));
	t.is(first.failed, 1);
	t.is(store.hostRetryAfter(new URL(server.origin).host), '2026-11-27T12:02:00.000Z');
	const second = await refreshFeeds(store, [subscribe(server.url('/a')), subscribe(server.url('/b'))], options({now: () => now}));
	t.like(second, {deferred: 2, failed: 0});
	t.is(requests, 1);
	const later = await refreshFeeds(store, [subscribe(server.url('/b'))], options({now: () => new Date('2026-11-27T12:03:00Z')}));
	t.is(later.deferred, 0);
	t.is(requests, 2);
});

test('a permanent redirect moves the feed only once it repeats; a temporary one never does', async (t) => {
	const server = await startServer((request, response) => {
		if (request.url === '/old') {
			response.writeHead(301, {location: '/new'});
			response.end();
		} else if (request.url === '/temporary') {
			response.writeHead(302, {location: '/new'});
			response.end();
		} else {
			response.writeHead(200, {'content-type': 'application/rss+xml'});
			response.end(rssFeed({count: 2}));
		}
	});
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	const moves: string[] = [];
	const run = (url: string) => refreshFeeds(store, [subscribe(url)], options({onMoved: (from, to) => moves.push(`${from} -> ${to}`)}));
	await run(server.url('/old'));
	t.deepEqual(moves, []);
	t.truthy(store.feedByUrl(server.url('/old')));
	await run(server.url('/old'));
	t.deepEqual(moves, [`${server.url('/old')} -> ${server.url('/new')}`]);
	t.is(store.feedByUrl(server.url('/old')), undefined);
	t.is(store.items({feedIds: [store.feedByUrl(server.url('/new'))!.id]}).length, 2);

	await run(server.url('/temporary'));
	await run(server.url('/temporary'));
	t.is(moves.length, 1);
});

test('retention drops only read items that left the feed, past the newest ones kept; never starred or unread ones', async (t) => {
	let start = 0;
	const server = await startServer((_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 10, start}));
	});
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	const feed = subscribe(server.url('/feed'));
	await refreshFeeds(store, [feed], options({keepItemsPerFeed: 12}));
	const first = store.items();
	store.setRead(
		first.map((item) => item.id),
		true,
	);
	store.setStarred(first.find((item) => item.guid === 'item-0')!.id, true);
	store.setRead([first.find((item) => item.guid === 'item-2')!.id], false);
	start = 10;
	await refreshFeeds(store, [feed], options({keepItemsPerFeed: 12}));
	// Kept: the newest 12 (items 8–19), the starred item-0 and the unread item-2; items 1 and 3–7 went.
	const guids = store.items().map((item) => item.guid);
	t.deepEqual(guids, [...Array.from({length: 12}, (_, index) => `item-${19 - index}`), 'item-2', 'item-0']);
});

test('an item still in the feed is never deleted: a 20,000-item feed keeps and exports 20,000 items', async (t) => {
	const document = rssFeed({count: 20_000});
	const server = await startServer((_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(document);
	});
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	const feed = subscribe(server.url('/feed'));
	await refreshFeeds(store, [feed], options({keepItemsPerFeed: 1000}));
	store.setRead(
		store.items().map((item) => item.id),
		true,
	);
	await refreshFeeds(store, [feed], options({keepItemsPerFeed: 1000}));
	t.is(store.countItems(), 20_000);
	t.is([...store.iterateItems()].length, 20_000);
});

test('at most 2 feeds in flight per host and 8 overall', async (t) => {
	let inFlight = 0;
	let most = 0;
	const server = await startServer(async (_request, response) => {
		inFlight++;
		most = Math.max(most, inFlight);
		await new Promise((resolve) => setTimeout(resolve, 40));
		inFlight--;
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 1}));
	});
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	const feeds = Array.from({length: 8}, (_, index) => subscribe(server.url(`/feed/${index}`)));
	const summary = await refreshFeeds(store, feeds, options());
	t.is(summary.updated, 8);
	t.is(most, 2);
	// Through two host names for the same server: four at once.
	most = 0;
	const twoHosts = feeds.map((feed, index) => subscribe(index % 2 === 0 ? feed.url : feed.url.replace('127.0.0.1', 'localhost')));
	await refreshFeeds(store, twoHosts, options());
	t.is(most, 4);
});

test('a large feed is parsed on the worker thread with the same result', async (t) => {
	const podcast = readFileSync(`${corporaDirectory}feeds/rss-parser/test/input/giantbomb-podcast.rss`);
	const server = await startServer((_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml; charset=utf-8'});
		response.end(podcast);
	});
	const store = Store.open(':memory:');
	t.teardown(async () => {
		store.close();
		await server.close();
	});
	t.true(podcast.length > 256 * 1024);
	const summary = await refreshFeeds(store, [subscribe(server.url('/podcast'))], options());
	t.is(summary.newItems, 730);
	t.is(store.items({limit: 1})[0]!.title, 'Giant Bombcast 603: Call of Tuesday');
});
