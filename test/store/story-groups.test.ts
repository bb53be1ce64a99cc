import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import type {FeedItem, ParsedFeed} from '../../source/feeds/item.js';
import {Store} from '../../source/store/store.js';
import {groupStoryFixture, scorePairs} from '../helpers/story-groups.js';

const parsed = (items: FeedItem[]): ParsedFeed => ({
	format: 'rss',
	title: null,
	siteUrl: null,
	description: null,
	language: null,
	skipped: 0,
	warnings: [],
	items,
});

const lead =
	'Surgeons at the San Raffaele hospital in Milan spent about four hours replacing the faulty aortic valve of the former prime minister, his doctors said on Tuesday evening.';
const story = (id: string, overrides: Partial<FeedItem> = {}): FeedItem => ({
	id,
	title: 'Silvio Berlusconi undergoes heart surgery',
	link: `https://www.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery?src=${id}`,
	published: '2016-06-14T12:00:00Z',
	author: null,
	summaryHtml: lead,
	contentHtml: null,
	categories: [],
	enclosure: null,
	...overrides,
});
const other = (id: string, title: string): FeedItem =>
	story(id, {
		title,
		link: `https://news.example/${id}`,
		summaryHtml: `A different report entirely, numbered ${id}, about ${title.toLowerCase()} and nothing else.`,
	});

function withStore(run: (store: Store, save: (url: string, items: FeedItem[]) => number) => void) {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-story-'));
	const store = Store.open(join(directory, 'broadsheet.db'));
	try {
		run(store, (url, items) => {
			const feed = store.ensureFeed(url);
			store.saveFetched(feed.id, parsed(items), {etag: undefined, lastModified: undefined, now: '2016-06-14T19:00:00Z', keep: 1000});
			store.stories.groupNew();
			return feed.id;
		});
	} finally {
		store.close();
		rmSync(directory, {recursive: true, force: true});
	}
}

test('the labelled fixtures: pairwise precision ≥ 0.97 and recall ≥ 0.9, grouped at once or feed by feed', async (t) => {
	for (const set of ['development', 'heldOut'] as const)
		for (const pass of ['once', 'per-feed'] as const) {
			const {stories, feeds} = await groupStoryFixture(pass, set);
			const score = scorePairs(stories, feeds, set);
			t.true(score.items >= 300 && score.feeds >= 10 && score.truePairs >= 100, `${set}: ${JSON.stringify(score)}`);
			t.true(score.precision >= 0.97, `${set} ${pass}: precision ${score.precision}: ${JSON.stringify(score.falsePositives.slice(0, 5))}`);
			t.true(score.recall >= 0.9, `${set} ${pass}: recall ${score.recall}: ${JSON.stringify(score.falseNegatives.slice(0, 5))}`);
		}
});

test('All shows a story once with how many other feeds carry it; each feed still lists its own; counts agree', (t) => {
	withStore((store, save) => {
		const guardian = save('https://guardian.example/feed', [story('g1'), other('g2', 'Pope rejects donation')]);
		const aggregator = save('https://aggregator.example/feed', [
			story('a1', {
				title: 'Silvio Berlusconi undergoes heart surgery - The Guardian',
				link: 'https://news.aggregator.example/rss/articles/CBMiXYZ',
			}),
			other('a2', 'Bears in Akita'),
		]);
		const wire = save('https://wire.example/feed', [
			story('w1', {link: 'https://portal.example/4100-berlusconi.html', summaryHtml: `MILAN — ${lead}`}),
		]);

		const all = store.items({oneStory: true});
		t.deepEqual(all.map((item) => item.guid).sort(), ['a2', 'g1', 'g2']);
		t.is(all.find((item) => item.guid === 'g1')!.copies, 2);
		t.is(all.find((item) => item.guid === 'g2')!.copies, 0);
		t.is(store.countItems({oneStory: true}), 3);
		t.is(store.countItems({oneStory: true, unreadOnly: true}), 3);
		t.is(store.countItems({}), 5, 'without oneStory every item counts');
		t.deepEqual(
			store
				.items({feedIds: [aggregator]})
				.map((item) => item.guid)
				.sort(),
			['a1', 'a2'],
		);
		t.deepEqual(
			store.items({feedIds: [wire]}).map((item) => item.guid),
			['w1'],
		);
		// A list of some feeds shows the story as its first item among them.
		t.deepEqual(
			store
				.items({feedIds: [aggregator, wire], oneStory: true})
				.map((item) => item.guid)
				.sort(),
			['a1', 'a2'],
		);
		t.is(store.countItems({feedIds: [aggregator, wire], oneStory: true}), 2);
		t.is(
			store.positionOf(all.find((item) => item.guid === 'a2')!.id, {oneStory: true}),
			all.findIndex((item) => item.guid === 'a2'),
		);
		t.deepEqual(
			store.stories.copiesOf(store.items({feedIds: [guardian]}).find((item) => item.guid === 'g1')!.id).map((copy) => copy.guid),
			['a1', 'w1'],
		);
	});
});

test('read and starred apply to the whole story, and a copy arriving later takes its state', (t) => {
	withStore((store, save) => {
		save('https://guardian.example/feed', [story('g1')]);
		const aggregatorUrl = 'https://aggregator.example/feed';
		save(aggregatorUrl, [story('a1', {link: 'https://amp.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery'})]);
		const [g1, a1] = [store.items().find((item) => item.guid === 'g1')!, store.items().find((item) => item.guid === 'a1')!];
		store.setRead([a1.id], true);
		t.true(store.item(g1.id)!.read);
		t.is(store.countItems({oneStory: true, unreadOnly: true}), 0);
		t.is(store.copyCount(true), 0);
		store.setStarred(g1.id, true);
		t.true(store.item(a1.id)!.starred);
		store.setRead([g1.id], false);
		t.false(store.item(a1.id)!.read);
		t.is(store.copyCount(true), 1);
		store.setRead([g1.id], true);

		save('https://wire.example/feed', [story('w1', {link: 'https://portal.example/4100-berlusconi.html'})]);
		const w1 = store.items().find((item) => item.guid === 'w1')!;
		t.true(w1.read && w1.starred, 'the late copy is read and starred like its story');
		t.is(store.unreadCount(), 0, 'and the feed counts know');
	});
});

test('one item per feed in a story; the first item gone, the next copy leads the story', (t) => {
	withStore((store, save) => {
		// A feed's video of its own article, or the same story twice: two stories of that feed.
		save('https://guardian.example/feed', [
			story('g1'),
			story('g2', {
				title: 'Silvio Berlusconi undergoes heart surgery – video',
				link: 'https://www.theguardian.com/world/video/berlusconi',
				summaryHtml: `Footage from outside the hospital. ${lead}`,
			}),
		]);
		t.is(store.countItems({oneStory: true}), 2);
		save('https://aggregator.example/feed', [story('a1', {link: 'https://news.aggregator.example/1'})]);
		save('https://wire.example/feed', [story('w1', {link: 'https://portal.example/4100-berlusconi.html'})]);
		t.is(store.countItems({oneStory: true}), 2);
		t.true(store.removeFeed('https://guardian.example/feed'));
		const left = store.items({oneStory: true});
		t.deepEqual(
			left.map((item) => [item.guid, item.copies]),
			[['a1', 1]],
		);
		t.is(store.countItems({oneStory: true}), 1);
	});
});

test('items stored before story grouping are fingerprinted and grouped by the next pass', (t) => {
	withStore((store, save) => {
		save('https://guardian.example/feed', [story('g1')]);
		save('https://aggregator.example/feed', [
			story('a1', {link: 'https://m.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery/'}),
		]);
		store.db.exec('UPDATE items SET story_url = NULL, story_text = NULL, dup_of = NULL; UPDATE story_state SET grouped_through = 0');
		t.is(store.countItems({oneStory: true}), 2);
		t.is(store.stories.groupNew(), 1);
		t.is(store.countItems({oneStory: true}), 1);
		t.is((store.db.prepare('SELECT count(*) AS n FROM items WHERE story_text IS NULL').get() as {n: number}).n, 0);
		t.is(store.stories.groupNew(), 0, 'nothing new: nothing to do');
	});
});

test('a feed that links every item to one page does not make them one story with another feed', (t) => {
	withStore((store, save) => {
		const home = {link: 'https://www.thehindu.example/news/today'};
		save(
			'https://hindu.example/feed',
			[other('h1', 'Engagements'), other('h2', 'Power cut in Kalaburagi today')].map((item) => ({...item, ...home})),
		);
		save('https://hindu-mobile.example/feed', [{...other('m1', 'Farmers protest land survey'), ...home}]);
		t.is(store.countItems({oneStory: true}), 3);
	});
});
