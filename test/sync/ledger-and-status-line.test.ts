import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {refreshSummary} from '../ui/harness.js';
import {Store} from '../../source/store/store.js';
import {SyncLedger} from '../../source/store/sync-ledger.js';
import {writeAccount} from '../../source/sync/account.js';
import {syncKeys} from '../../source/sync/status.js';
import {refreshResult, restingHeadlines, statusText} from '../../source/ui/status.js';
import {syncLineOf} from '../../source/ui/sync-line.js';

test('the status line says when the reader last synced, what waits to go, and a failed sync in the error colour', (t) => {
	const stateDirectory = mkdtempSync(join(tmpdir(), 'broadsheet-sync-line-'));
	t.teardown(() => rmSync(stateDirectory, {recursive: true, force: true}));
	const store = Store.open(':memory:');
	t.teardown(() => store.close());
	const now = new Date('2026-12-04T10:00:00Z');
	t.is(syncLineOf({stateDirectory}, store, now), undefined);

	writeAccount({stateDirectory}, {service: 'https://rss.example.org/api/greader.php', user: 'me', auth: 'me/secret'});
	t.is(syncLineOf({stateDirectory}, store, now), 'Not synced yet');

	const ledger = new SyncLedger(store.db);
	const feedId = ledger.linkFeed('https://news.example/feed.xml', 'feed/1', 'News', null);
	const item = (id: string) => ({
		remoteId: id,
		read: false,
		starred: false,
		item: {
			id: `tag:${id}`,
			title: id,
			link: `https://news.example/${id}`,
			published: null,
			author: null,
			summaryHtml: null,
			contentHtml: null,
			categories: [],
			enclosure: null,
		},
	});
	ledger.saveRemoteItems(feedId, [item('1'), item('2'), item('3')], now.toISOString());
	store.setRead(
		store
			.items()
			.slice(0, 2)
			.map((entry) => entry.id),
		true,
	);
	ledger.setState(syncKeys.lastSync, '2026-12-04T09:55:00Z');
	t.is(syncLineOf({stateDirectory}, store, now), 'Synced 5m ago · 2 changes queued');
	t.deepEqual(statusText(restingHeadlines('All', 3, syncLineOf({stateDirectory}, store, now))), {
		text: 'All · 3 stories · Synced 5m ago · 2 changes queued',
		error: false,
	});

	ledger.setState(syncKeys.lastError, JSON.stringify({at: '2026-12-04T09:58:00Z', message: 'rss.example.org: connection refused'}));
	t.deepEqual(statusText(restingHeadlines('All', 3, syncLineOf({stateDirectory}, store, now))), {
		text: 'All · 3 stories · Sync failed: rss.example.org: connection refused · 2 changes queued',
		error: true,
	});
});

test('a finished sync is summed up with the service and what is still queued', (t) => {
	t.deepEqual(refreshResult({...refreshSummary({total: 12, newItems: 4}), synced: {service: 'rss.example.org', queued: 0}}, []), {
		text: 'Synced with rss.example.org: 4 new',
		error: false,
	});
	t.deepEqual(refreshResult({...refreshSummary({total: 12, failed: 1}), synced: {service: 'rss.example.org', queued: 3}}, []), {
		text: 'Synced with rss.example.org: 0 new · 3 changes queued · 1 feed here failed',
		error: true,
	});
});

test('retention in a synced feed drops only the oldest items read and unstarred on both sides, never one with a change queued', (t) => {
	const store = Store.open(':memory:');
	t.teardown(() => store.close());
	const ledger = new SyncLedger(store.db);
	const feedId = ledger.linkFeed('https://news.example/feed.xml', 'feed/1', 'News', null);
	const entry = (number: number, read: boolean) => ({
		remoteId: String(number),
		read,
		starred: false,
		item: {
			id: `tag:${number}`,
			title: `story ${number}`,
			link: `https://news.example/${number}`,
			published: new Date(Date.UTC(2026, 0, 1, number)).toISOString(),
			author: null,
			summaryHtml: null,
			contentHtml: null,
			categories: [],
			enclosure: null,
		},
	});
	ledger.saveRemoteItems(feedId, [entry(1, true), entry(2, true), entry(3, false), entry(4, true), entry(5, true)], '2026-01-02T00:00:00Z');
	// Story 3 read here, not yet sent: it must stay until the service has it.
	store.setRead([store.items().find((item) => item.title === 'story 3')!.id], true);
	t.is(ledger.applyRetention(feedId, 2), 2);
	t.deepEqual(
		store.items().map((item) => item.title),
		['story 5', 'story 4', 'story 3'],
	);
	t.is(store.countItems({feedIds: [feedId]}), 3);
	t.is(ledger.queuedCount(), 1);
});

test('a read or star from the service reaches the story’s copies in other feeds, which are then queued for the service too', (t) => {
	const store = Store.open(':memory:');
	t.teardown(() => store.close());
	const ledger = new SyncLedger(store.db);
	const entry = (remoteId: string, link: string) => ({
		remoteId,
		read: false,
		starred: false,
		item: {
			id: `tag:${remoteId}`,
			title: 'Silvio Berlusconi undergoes heart surgery',
			link,
			published: '2016-06-14T12:00:00Z',
			author: null,
			summaryHtml: null,
			contentHtml: null,
			categories: [],
			enclosure: null,
		},
	});
	const world = ledger.linkFeed('https://news.example/world.xml', 'feed/1', 'World', null);
	const europe = ledger.linkFeed('https://news.example/europe.xml', 'feed/2', 'Europe', null);
	ledger.saveRemoteItems(world, [entry('1', 'https://news.example/berlusconi')], '2016-06-14T13:00:00Z');
	ledger.saveRemoteItems(europe, [entry('2', 'https://news.example/berlusconi?utm_source=europe')], '2016-06-14T13:00:00Z');
	store.stories.groupNew();
	const [first, copy] = ledger.syncedStates();
	t.is(ledger.applyRemote([{itemId: first!.itemId, field: 'read', value: true}]), 1);
	t.true(store.item(copy!.itemId)!.read, 'the copy is read');
	t.deepEqual(
		ledger.queuedChanges().map((change) => [change.field, change.value, change.items.map((item) => item.remoteId)]),
		[['read', true, ['2']]],
		'and the service hears of it at the next sync',
	);
});
