import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import test, {type ExecutionContext} from 'ava';
import type {ParsedFeed} from '../../source/feeds/item.js';
import {migrations} from '../../source/store/migrations.js';
import {Store, type ItemQuery} from '../../source/store/store.js';

const feed = (prefix: string, count: number): ParsedFeed => ({
	format: 'rss',
	title: prefix,
	siteUrl: null,
	description: null,
	language: null,
	skipped: 0,
	warnings: [],
	items: Array.from({length: count}, (_, index) => ({
		id: `${prefix}-${index}`,
		title: `${prefix} story ${index}`,
		link: `https://news.example/${prefix}/${index}`,
		published: new Date(Date.UTC(2026, 10, 1, index)).toISOString(),
		author: null,
		summaryHtml: null,
		contentHtml: null,
		categories: [],
		enclosure: null,
	})),
});

const save = (store: Store, url: string, parsed: ParsedFeed, keep = 1000) =>
	store.saveFetched(store.ensureFeed(url).id, parsed, {etag: undefined, lastModified: undefined, now: '2026-11-27T00:00:00Z', keep});

/** Every list count the per-feed counts can answer, against counting the items. */
function assertListCounts(t: ExecutionContext, store: Store) {
	const feedIds = store.feeds().map((feed) => feed.id);
	const queries: ItemQuery[] = [{}, {unreadOnly: true}, {feedIds: feedIds.slice(0, 1)}, {feedIds, unreadOnly: true}, {feedIds: []}];
	for (const query of queries) {
		const filter = [
			...(query.feedIds ? [`feed_id IN (${query.feedIds.join(', ') || 'NULL'})`] : []),
			...(query.unreadOnly ? ['read = 0'] : []),
		];
		const direct = store.db
			.prepare(`SELECT count(*) AS count FROM items ${filter.length > 0 ? `WHERE ${filter.join(' AND ')}` : ''}`)
			.get() as {
			count: number;
		};
		t.is(store.countItems(query), direct.count, JSON.stringify(query));
	}
}

/** What the counts must be, counted the slow way from the items themselves. */
function counted(store: Store) {
	return store.db
		.prepare(
			`SELECT f.url AS url, (SELECT count(*) FROM items i WHERE i.feed_id = f.id AND i.read = 0) AS unread,
			(SELECT count(*) FROM items i WHERE i.feed_id = f.id) AS total FROM feeds f ORDER BY f.url`,
		)
		.all()
		.map((row) => ({...row}));
}

const kept = (store: Store) =>
	store
		.feeds()
		.map(({url, unread, total}) => ({url, unread, total}))
		.sort((a, b) => a.url.localeCompare(b.url));

test('unread and total per feed stay true through new items, read marks, retention, removal and a moved feed', (t) => {
	const store = Store.open(':memory:');
	save(store, 'https://a.example/feed', feed('a', 30));
	save(store, 'https://b.example/feed', feed('b', 12));
	t.deepEqual(kept(store), [
		{url: 'https://a.example/feed', unread: 30, total: 30},
		{url: 'https://b.example/feed', unread: 12, total: 12},
	]);

	const a = store.items({feedIds: [store.feedByUrl('https://a.example/feed')!.id]});
	store.setRead(
		a.slice(0, 10).map((item) => item.id),
		true,
	);
	store.setRead([a[0]!.id], true); // Already read: must not count twice.
	store.setRead([a[1]!.id], false);
	store.setStarred(a.at(-1)!.id, true);
	t.deepEqual(kept(store), counted(store));
	assertListCounts(t, store);
	t.is(store.unreadCount(), 21 + 12);
	// The reader's lighter listing says the same of each feed.
	t.deepEqual(
		store.feedListing().sort((a, b) => a.id - b.id),
		store
			.feeds()
			.map(({id, url, title, errorKind, unread}) => ({id, url, title, errorKind, unread}))
			.sort((a, b) => a.id - b.id),
	);

	// The feed now lists only its newest 5. Past 5 items, retention drops the read ones that left it
	// (stories 20–24); the unread, the starred and those still listed stay. An unchanged item saved again adds nothing.
	save(store, 'https://a.example/feed', {...feed('a', 30), items: feed('a', 30).items.slice(25)}, 5);
	t.deepEqual(kept(store), counted(store));
	assertListCounts(t, store);
	t.like(kept(store)[0], {total: 25, unread: 21});
	const left = new Set(store.items({feedIds: [store.feedByUrl('https://a.example/feed')!.id]}).map((item) => item.guid));
	t.deepEqual(
		['a-20', 'a-21', 'a-22', 'a-23', 'a-24'].filter((guid) => left.has(guid)),
		[],
	);

	store.renameFeed(store.feedByUrl('https://b.example/feed')!.id, 'https://b.example/moved');
	t.deepEqual(kept(store), counted(store));
	t.true(store.removeFeed('https://a.example/feed'));
	t.deepEqual(kept(store), [{url: 'https://b.example/moved', unread: 12, total: 12}]);
	t.deepEqual(store.db.prepare('SELECT count(*) AS rows FROM feed_counts').get(), {rows: 1});
	t.is(store.unreadCount([]), 0);
});

test('a database from before the counts gets them counted when it is opened', (t) => {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-counts-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const file = join(directory, 'broadsheet.db');
	const old = new DatabaseSync(file);
	old.exec(migrations[0]!);
	old.exec('PRAGMA user_version = 1');
	old.exec(`INSERT INTO feeds (id, url) VALUES (1, 'https://old.example/feed')`);
	for (let index = 0; index < 7; index++)
		old
			.prepare(`INSERT INTO items (feed_id, guid, title, first_seen, sort_time, read) VALUES (1, ?, 't', 'x', 'x', ?)`)
			.run(`g${index}`, index < 3 ? 1 : 0);
	old.close();

	const store = Store.open(file);
	t.teardown(() => store.close());
	t.deepEqual(kept(store), [{url: 'https://old.example/feed', unread: 4, total: 7}]);
});
