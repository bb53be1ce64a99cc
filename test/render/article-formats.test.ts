import test from 'ava';
import {extractArticle} from '../../source/articles/extract.js';
import {documentFromFeedItem} from '../../source/articles/from-feed.js';
import {articleToHtml} from '../../source/render/article-html.js';
import {articleToMarkdown} from '../../source/render/article-markdown.js';
import {articleToText} from '../../source/render/article-text.js';

const hostile = extractArticle(
	`<!doctype html><html><head><title>T</title><meta property="og:title" content="Title with &lt;script&gt;alert(1)&lt;/script&gt; and *stars*"></head><body><article>
	<h1>Title</h1>
	<p>Paragraph one, long enough to count as an article body, with <em>emphasis</em>, <strong>strong words</strong> and <code>a &lt;b&gt; tag</code>.</p>
	<p>Escapes: \u001B]0;evil title\u0007 and \u001B[2J and a \u202Ereversed run, and markdown *stars* _under_ [brackets](x) # not a heading.</p>
	<p>A link <a href="javascript:alert(1)">that runs script</a> and <a href="https://ok.example/a?b=1&amp;c=&quot;2&quot;">one that is fine</a> for the test to check.</p>
	<script>alert("never")</script><p onclick="alert(1)">Another paragraph to make the page a real article with enough text in it.</p>
	</article></body></html>`,
	'https://news.example/a',
);

test('no control or escape characters survive into any format', (t) => {
	for (const output of [articleToText(hostile), articleToMarkdown(hostile), articleToHtml(hostile), JSON.stringify(hostile)]) {
		// eslint-disable-next-line no-control-regex
		t.false(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/.test(output));
	}
});

test('HTML export escapes page text and copies no script', (t) => {
	const html = articleToHtml(hostile);
	t.false(/<script/i.test(html));
	t.false(/onclick|javascript:/i.test(html));
	t.regex(html, /<title>Title with &lt;script&gt;alert\(1\)&lt;\/script&gt; and \*stars\*<\/title>/);
	t.regex(html, /<code>a &lt;b&gt; tag<\/code>/);
	t.regex(html, /href="https:\/\/ok\.example\/a\?b=1&amp;c=%222%22"/);
});

test('Markdown export escapes page text and keeps real emphasis and links', (t) => {
	const markdown = articleToMarkdown(hostile);
	t.regex(markdown, /^# Title with \\<script\\>alert\(1\)\\<\/script\\> and \\\*stars\\\*/);
	t.regex(markdown, /with _emphasis_, \*\*strong words\*\* and `a <b> tag`/);
	t.regex(markdown, /markdown \\\*stars\\\* \\_under\\_ \\\[brackets\\\]\(x\)/);
	t.regex(markdown, /\[one that is fine\]\[1\]/);
	t.regex(markdown, /\n\[1\]: https:\/\/ok\.example\/a\?b=1&c=%222%22\n/);
	t.notRegex(markdown, /javascript:/);
});

test('the feed fallback builds the document from the item content, marked as such', (t) => {
	const document = documentFromFeedItem(
		{
			title: 'Feed title',
			link: 'https://news.example/story',
			published: '2026-11-01T10:00:00Z',
			author: 'A. Writer',
			summaryHtml: '<p>Summary</p>',
			contentHtml: '<p>He said “we are ready” on <a href="/day">Monday</a>.</p><p>Second paragraph.</p>',
		},
		{url: 'https://news.example/feed.xml', title: 'News Example'},
	);
	t.is(document.extractedFrom, 'feed');
	t.is(document.title, 'Feed title');
	t.is(document.siteName, 'News Example');
	t.is(document.blocks.length, 2);
	t.is(document.links[0]!.href, 'https://news.example/day');
	t.is(articleToText(document), 'Feed title\n\nHe said “we are ready” on Monday.\n\nSecond paragraph.\n');
});

test('text wraps by display width: CJK and emoji count double', (t) => {
	const document = documentFromFeedItem(
		{
			title: '日本語のニュース記事のタイトルです',
			link: null,
			published: null,
			author: null,
			summaryHtml: null,
			contentHtml: '<p>絵文字 👍🏽 と 漢字 が 混ざった 文章 です</p>',
		},
		{url: 'https://news.example/feed.xml', title: null},
	);
	const lines = articleToText(document, {width: 10}).split('\n').filter(Boolean);
	t.true(
		lines.every(
			(line) =>
				[...line].reduce(
					(width, char) => width + (/[\u3000-\u9FFF]|\p{Extended_Pictographic}/u.test(char) ? 2 : char === '\u{1F3FD}' ? 0 : 1),
					0,
				) <= 10,
		),
		lines.join('|'),
	);
});

test('headline exports carry no escape sequences from a hostile feed, in any format', async (t) => {
	const {Store} = await import('../../source/store/store.js');
	const {renderItems} = await import('../../source/render/items.js');
	const {itemFormats} = await import('../../source/render/formats.js');
	const store = Store.open(':memory:');
	t.teardown(() => store.close());
	const {id} = store.ensureFeed('https://evil.example/feed');
	store.saveFetched(
		id,
		{
			format: 'rss',
			title: 'Evil\u001B]0;owned\u0007 feed',
			siteUrl: null,
			description: null,
			language: null,
			skipped: 0,
			warnings: [],
			items: [
				{
					id: 'x\u001B[2J',
					title: 'Title \u001B[31mred\u001B[0m \u202Eevil',
					link: 'https://evil.example/a',
					published: null,
					author: 'A\u0007',
					summaryHtml: '<p>Sum\u001B]52;c;AAAA\u0007mary</p>',
					contentHtml: null,
					categories: ['c\u0008at'],
					enclosure: null,
				},
			],
		},
		{etag: undefined, lastModified: undefined, now: '2026-11-27T00:00:00Z', keep: 10},
	);
	for (const format of itemFormats) {
		const output = [...renderItems([{item: store.items()[0]!}], format, new Date())].join('');
		// eslint-disable-next-line no-control-regex
		t.false(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E]/.test(output.replace(/\r\n/g, '\n')), format);
		t.true(output.includes('Title red'), format);
	}
});
