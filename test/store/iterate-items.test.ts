import test from 'ava';
import {Store} from '../../source/store/store.js';

test('for a headline export the full text is read only where an item has no summary; a summary export is the same either way', (t) => {
	const store = Store.open(':memory:');
	t.teardown(() => store.close());
	const feed = store.ensureFeed('https://news.example/feed.xml');
	const item = (id: string, summaryHtml: string | null) => ({
		id,
		title: id,
		link: `https://news.example/${id}`,
		published: '2026-11-01T00:00:00Z',
		author: null,
		summaryHtml,
		contentHtml: `<p>The whole story of ${id}, many times longer than its summary.</p>`,
		categories: [],
		enclosure: null,
	});
	store.saveFetched(
		feed.id,
		{
			format: 'rss',
			title: 'News',
			siteUrl: null,
			description: null,
			language: null,
			items: [item('with', '<p>Short.</p>'), item('without', null)],
			skipped: 0,
			warnings: [],
		} as never,
		{etag: undefined, lastModified: undefined, now: '2026-11-01T00:00:00Z', keep: 100},
	);
	const lean = new Map([...store.iterateItems({}, {contentOnlyWithoutSummary: true})].map((entry) => [entry.guid, entry]));
	t.is(lean.get('with')?.contentHtml, null);
	t.is(lean.get('with')?.summaryHtml, '<p>Short.</p>');
	t.is(lean.get('without')?.contentHtml, '<p>The whole story of without, many times longer than its summary.</p>');
	const whole = new Map([...store.iterateItems()].map((entry) => [entry.guid, entry]));
	t.is(whole.get('with')?.contentHtml, '<p>The whole story of with, many times longer than its summary.</p>');
	for (const guid of ['with', 'without']) {
		t.is(lean.get(guid)!.summaryHtml ?? lean.get(guid)!.contentHtml, whole.get(guid)!.summaryHtml ?? whole.get(guid)!.contentHtml);
	}
});
