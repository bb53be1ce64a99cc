import test from 'ava';
import {fixtureStore, keys, plain, press, renderReader, seedUrl, waitFor} from './harness.js';

const feedUrl = 'https://www.aljazeera.com/xml/rss/all.xml';
const wireUrl = 'https://wire.example/world.xml';
const seedTitle = 'Tillerson to Lavrov: Russian meddling led to mistrust';

/** The fixture feed, and a second feed carrying its seed story under a tracking link and an outlet label. */
async function storeWithCopy() {
	const store = await fixtureStore(feedUrl);
	const seed = store.items().find((item) => item.link === seedUrl)!;
	const wire = store.ensureFeed(wireUrl, 'World Wire');
	store.saveFetched(
		wire.id,
		{
			format: 'rss',
			title: 'World Wire',
			siteUrl: null,
			description: null,
			language: null,
			skipped: 0,
			warnings: [],
			items: [{...seed, id: 'wire-1', title: `${seed.title} - Al Jazeera`, link: `${seedUrl}?utm_source=wire&utm_medium=rss`}],
		},
		{etag: undefined, lastModified: undefined, now: '2017-08-07T08:00:00Z', keep: 1000},
	);
	store.stories.groupNew();
	return store;
}

test('All lists a story two feeds carry once, marked +1; its article names the other feed, whose copy Enter opens and Esc leaves', async (t) => {
	const store = await storeWithCopy();
	const {lastFrame, stdin, unmount} = await renderReader({
		width: 120,
		height: 50,
		store,
		subscriptions: [
			{url: feedUrl, tags: []},
			{url: wireUrl, tags: []},
		],
	});
	t.teardown(unmount);
	const list = plain(lastFrame());
	t.is(list.split(seedTitle).length - 1, 1, 'once in All');
	t.regex(list, new RegExp(`${seedTitle}\\s+\\+1`));
	t.regex(list, /All\s+5/, 'All counts stories: the copy is not another unread one');

	await press(stdin, keys.enter);
	const article = await waitFor(lastFrame, (text) => plain(text).includes('Also in: World Wire'));
	t.regex(plain(article), /Also in: World Wire \[\d+\]/);
	await press(stdin, keys.tab);
	t.regex(plain(lastFrame()), /\[8\] https:\/\/www\.aljazeera\.com\S*\?utm_so/, 'the first stop is the copy, its link on the status line');
	await press(stdin, keys.enter);
	const copy = await waitFor(lastFrame, (text) => /Also in: Al Jazeera/.test(plain(text)));
	t.true(plain(copy).includes(seedTitle), 'the copy opens in the reader, naming the first feed in turn');
	await press(stdin, keys.escape);
	await waitFor(lastFrame, (text) => plain(text).includes('Also in: World Wire'));
	await press(stdin, 'q');
	const back = plain(lastFrame());
	t.regex(back, /All\s+4/, 'reading the story read both copies');
	t.regex(back, /World Wire\s*│/, 'the other feed has nothing unread left');
});
