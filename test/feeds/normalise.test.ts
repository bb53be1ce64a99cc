import test from 'ava';
import {parseFeed} from '../../source/feeds/parse.js';
import {BroadsheetError} from '../../source/net/errors.js';

const rss = (items: string, channel = '') =>
	`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>https://site.example/</link>${channel}${items}</channel></rss>`;

test('objects where strings belong: guid with attributes, categories with domain', async (t) => {
	const feed = await parseFeed(
		rss(`<item><title>A</title><link>/a</link><guid isPermaLink="false">abc-1</guid>
		<category domain="https://x">World</category><category>Europe</category><category>World</category></item>`),
		'https://site.example/feed.xml',
	);
	const [item] = feed.items;
	t.is(item!.id, 'abc-1');
	t.deepEqual(item!.categories, ['World', 'Europe']);
	t.is(item!.link, 'https://site.example/a');
});

test('an empty guid element falls back to link, then link + date, then a content hash', async (t) => {
	const feed = await parseFeed(
		rss(`<item><title>A</title><link>https://s.example/a</link><guid isPermaLink="false"/></item>
		<item><title>B</title><link>https://s.example/b</link><pubDate>Mon, 07 Aug 2017 05:43:02 GMT</pubDate></item>
		<item><description>Only a body with several words in it.</description></item>`),
		'https://s.example/feed',
	);
	t.is(feed.items[0]!.id, 'https://s.example/a');
	t.is(feed.items[1]!.id, 'https://s.example/b#2017-08-07T05:43:02Z');
	t.regex(feed.items[2]!.id, /^sha1:[\da-f]{40}$/);
	t.is(feed.items[2]!.title, 'Only a body with several words in it.');
});

test('content:encoded is the content, description the summary; HTML titles become text', async (t) => {
	const feed = await parseFeed(
		rss(`<item><title>Fish &amp;amp; &lt;b&gt;chips&lt;/b&gt;</title><link>https://s.example/a</link>
		<description>Short</description><content:encoded><![CDATA[<p>Long body</p>]]></content:encoded></item>`),
		'https://s.example/feed',
	);
	t.is(feed.items[0]!.title, 'Fish & chips');
	t.is(feed.items[0]!.summaryHtml, 'Short');
	t.is(feed.items[0]!.contentHtml, '<p>Long body</p>');
});

test('Atom: title type attribute, invalid dates, alternate link, xml:base, categories', async (t) => {
	const feed = await parseFeed(
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/"><title type="text">Blog</title>
		<entry><title type="html">One &amp;lt;3</title><id>urn:1</id><link rel="self" href="self"/><link rel="alternate" type="text/html" href="one.html"/>
		<published>not a date</published><category term="tech" label="Tech"/><summary>S</summary><content type="html">&lt;p&gt;C&lt;/p&gt;</content></entry>
		<entry><title>Two</title><id>urn:2</id><link href="two.html"/><updated>2020-02-02T10:00:00+01:00</updated></entry></feed>`,
		'https://blog.example/feed',
	);
	t.is(feed.format, 'atom');
	t.is(feed.title, 'Blog');
	t.is(feed.items.length, 2);
	t.is(feed.items[0]!.title, 'One <3');
	t.is(feed.items[0]!.link, 'https://blog.example/posts/one.html');
	t.is(feed.items[0]!.published, null);
	t.deepEqual(feed.items[0]!.categories, ['tech']);
	t.is(feed.items[0]!.summaryHtml, 'S');
	t.is(feed.items[0]!.contentHtml, '<p>C</p>');
	t.is(feed.items[1]!.published, '2020-02-02T09:00:00Z');
});

test('bare ampersands and HTML entities in XML are repaired, not fatal', async (t) => {
	const feed = await parseFeed(
		rss(`<item><title>Q&A &mdash; today&nbsp;only</title><link>https://s.example/a?x=1&y=2</link></item>`),
		'https://s.example/',
	);
	t.is(feed.items[0]!.title, 'Q&A — today only');
	t.is(feed.items[0]!.link, 'https://s.example/a?x=1&y=2');
});

test('javascript: and other non-http links are dropped', async (t) => {
	const feed = await parseFeed(rss(`<item><title>X</title><link>javascript:alert(1)</link></item>`), 'https://s.example/');
	t.is(feed.items[0]!.link, null);
});

test('broken XML and empty documents are classified errors', async (t) => {
	const broken = await t.throwsAsync(parseFeed('<rss version="2.0"><channel><item></channel>', 'https://s.example/'), {
		instanceOf: BroadsheetError,
	});
	t.is(broken.kind, 'parse');
	const empty = await t.throwsAsync(parseFeed('   ', 'https://s.example/'), {instanceOf: BroadsheetError});
	t.is(empty.kind, 'not-feed');
	const json = await t.throwsAsync(parseFeed('{"hello": 1}', 'https://s.example/'), {instanceOf: BroadsheetError});
	t.is(json.kind, 'not-feed');
});

test('the fixture feed of the seed article', async (t) => {
	const {readFileSync} = await import('node:fs');
	const {fixturesDirectory} = await import('../helpers/paths.js');
	const feed = await parseFeed(
		readFileSync(`${fixturesDirectory}www.aljazeera.com/xml/rss/all.xml`, 'utf8'),
		'https://www.aljazeera.com/xml/rss/all.xml',
	);
	t.is(feed.title, 'Al Jazeera English');
	t.is(feed.items.length, 5);
	t.is(feed.items[0]!.id, '170807054302155');
	t.is(feed.items[0]!.published, '2017-08-07T05:43:02Z');
});
