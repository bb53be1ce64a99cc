import test from 'ava';
import {articleToText} from '../../source/render/article-text.js';
import {documentFromFeedItem} from '../../source/articles/from-feed.js';
import type {ParsedFeed} from '../../source/feeds/item.js';
import {migrations} from '../../source/store/migrations.js';
import {Store} from '../../source/store/store.js';

const feed = (titles: string[]): ParsedFeed => ({
	format: 'rss',
	title: 'F',
	siteUrl: null,
	description: null,
	language: null,
	skipped: 0,
	warnings: [],
	items: titles.map((title, index) => ({
		id: `id-${index}`,
		title,
		link: `https://news.example/${index}`,
		published: `2026-11-0${index + 1}T00:00:00Z`,
		author: null,
		summaryHtml: `<p>Summary about <b>${title.toLowerCase()}</b></p>`,
		contentHtml: null,
		categories: [],
		enclosure: null,
	})),
});

test('search finds titles, summaries and article text, including items not yet indexed, with diacritics folded', (t) => {
	const store = Store.open(':memory:');
	t.teardown(() => store.close());
	const {id} = store.ensureFeed('https://news.example/feed');
	store.saveFetched(id, feed(['Élections in France', 'Budget vote delayed', 'Storm hits coast']), {
		etag: undefined,
		lastModified: undefined,
		now: '2026-11-27T00:00:00Z',
		keep: 100,
	});
	const article = documentFromFeedItem(
		{
			title: 'Storm hits coast',
			link: 'https://news.example/2',
			published: null,
			author: null,
			summaryHtml: null,
			contentHtml: '<p>The lighthouse keeper saw it first.</p>',
		},
		{url: 'https://news.example/feed', title: 'F'},
	);
	store.saveArticle('https://news.example/2', article, articleToText(article), '2026-11-27T00:00:00Z');

	t.deepEqual(
		store.search('elections').map((item) => item.title),
		['Élections in France'],
	);
	t.deepEqual(
		store.search('budg').map((item) => item.title),
		['Budget vote delayed'],
	);
	t.deepEqual(
		store.search('lighthouse').map((item) => item.title),
		['Storm hits coast'],
	);
	t.deepEqual(store.search('"); DROP TABLE items; --'), []);
	t.is(store.indexPending(), 0, 'everything indexed by the first search');
});

test('a database from a newer Broadsheet is refused with a clear message, and left untouched', async (t) => {
	const {mkdtempSync, rmSync} = await import('node:fs');
	const {tmpdir} = await import('node:os');
	const {join} = await import('node:path');
	const {DatabaseSync} = await import('node:sqlite');
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-newer-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const file = join(directory, 'broadsheet.db');
	Store.open(file).close();
	const raw = new DatabaseSync(file);
	raw.exec('PRAGMA user_version = 99');
	raw.close();
	const error = t.throws(() => Store.open(file));
	t.true(error!.message.endsWith(`written by a newer Broadsheet (schema 99, this version knows ${migrations.length}): update Broadsheet`));
	const check = new DatabaseSync(file);
	t.is((check.prepare('PRAGMA user_version').get() as {user_version: number}).user_version, 99);
	check.close();
});
