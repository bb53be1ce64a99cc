/*
 * Every transformation of untrusted text runs in linear time: each text path gets 1 MB adversarial
 * strings (the shapes that make a backtracking regular expression or a rescanning loop quadratic)
 * and must finish well inside a second. One test per path and shape, so a regression names both.
 */
import test from 'ava';
import {extractArticle} from '../../source/articles/extract.js';
import {documentFromFeedItem} from '../../source/articles/from-feed.js';
import {markQuotes, findQuotations} from '../../source/articles/quotes.js';
import {attributeQuotes} from '../../source/articles/speakers.js';
import type {DraftBlock} from '../../source/articles/draft.js';
import type {ArticleDocument} from '../../source/articles/document.js';
import {stripInertMarkup} from '../../source/text/strip-inert.js';
import {tameMarkup} from '../../source/text/tame-markup.js';
import {articleToMarkdown, escapeMarkdown} from '../../source/render/article-markdown.js';
import {parseOpml} from '../../source/render/opml.js';
import {discoverFeeds} from '../../source/feeds/discover.js';
import {parseFeed} from '../../source/feeds/parse.js';
import {repairEntities, scanFeedXml} from '../../source/feeds/xml-recovery.js';
import {decodeBody} from '../../source/net/charset.js';
import {redactUrl} from '../../source/net/url.js';
import {canonicalStoryUrl} from '../../source/net/canonical-url.js';
import {storyFingerprint, storySimilarity, StoryWords} from '../../source/feeds/same-story.js';
import {normaliseDate} from '../../source/text/dates.js';
import {escapeHtml} from '../../source/text/escape-html.js';
import {htmlToPlainText} from '../../source/text/html-text.js';
import {sanitizeTerminal} from '../../source/text/sanitize.js';
import {wrapText} from '../../source/text/wrap.js';

const size = 1_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** The adversarial shapes, each about 1 MB. */
const shapes: Record<string, string> = {
	'escaped <': fill('&lt;'),
	'double-escaped <': fill('&amp;lt;'),
	'bare <': fill('<'),
	'unclosed tags': fill('<a '),
	'unclosed quotes': fill('<a href="x '),
	'unclosed comments': fill('<!--'),
	'unclosed scripts': fill('<script>'),
	spaces: ' '.repeat(size),
	ampersands: fill('&'),
	'entity names': fill('&nbsp'),
	'quote marks': fill('“'),
	'escape sequences': fill('\u001B]'),
	'CSI without end': fill('\u001B[1;'),
	'bidi overrides': fill('\u202E'),
	'nested spans': fill('<b>'),
	'closed comments': fill('<!-- c -->'),
	'unclosed script tags': fill('<script '),
	'blank lines': fill('\n'),
	'spaces, then a word': `${' '.repeat(size - 4)}word`,
	'words and spaces': fill('word      '),
	'quotations with no full stop': fill('“a” Rex Tillerson said, '),
	'names with no full stop': fill('Rex Tillerson Sergey Lavrov '),
	'path segments, then a stop': `${fill('a.b/').slice(0, size - 1)}!`,
};

/** Each text path, given one untrusted string. Deep work (a DOM) gets the string as a page body. */
const paths: Record<string, (text: string) => unknown> = {
	htmlToPlainText,
	sanitizeTerminal: (text) => sanitizeTerminal(text, {keepNewlines: true}),
	escapeHtml,
	escapeMarkdown,
	repairEntities,
	redactUrl: (text) => redactUrl(`https://user:pass@host/${text}`),
	canonicalStoryUrl: (text) => canonicalStoryUrl(`https://www.news.example/${text}`),
	'storyFingerprint and storySimilarity': (text) => {
		const story = storyFingerprint({title: text, link: `https://news.example/${text}`, summaryHtml: text, contentHtml: text});
		return storySimilarity(new StoryWords(story.text), new StoryWords(story.text));
	},
	normaliseDate,
	wrapText: (text) => wrapText(sanitizeTerminal(text), 80),
	findQuotations: (text) => findQuotations(text),
	decodeBody: (text) => decodeBody(new TextEncoder().encode(text), 'text/xml; charset=iso-8859-1', 'xml'),
	stripInertMarkup,
	// Refusing a page of too many elements (undefined) is an answer too, as long as it is quick.
	tameMarkup: (text) => tameMarkup(text),
	scanFeedXml: (text) => scanFeedXml(`<rss><channel><item><title>x</title><description>${text}</description></item></channel></rss>`),
	'parseFeed (RSS description)': async (text) =>
		parseFeed(
			`<rss version="2.0"><channel><title>t</title><item><title>x</title><description>${text}</description></item></channel></rss>`,
			'https://f.example/',
		),
	'parseFeed (raw XML)': async (text) =>
		parseFeed(`<rss version="2.0"><channel><title>t</title>${text}</channel></rss>`, 'https://f.example/').catch(() => undefined),
	'parseFeed (document start)': async (text) =>
		parseFeed(`${text}<rss version="2.0"><channel><title>t</title></channel></rss>`, 'https://f.example/').catch(() => undefined),
	'articleToMarkdown (emphasis)': (text) =>
		articleToMarkdown(
			documentFromFeedItem(
				{title: 't', link: null, published: null, author: null, contentHtml: `<p>a <em>${escapeHtml(text)}</em> b</p>`, summaryHtml: null},
				{url: 'https://f.example/', title: null},
			),
		),
	'parseFeed (JSON Feed)': async (text) =>
		parseFeed(
			JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{id: '1', title: text, content_html: text}]}),
			'https://f.example/',
		),
	parseOpml: (text) => {
		try {
			return parseOpml(`<opml><body><outline text="${escapeHtml(text)}" xmlUrl="https://f.example/"/></body></opml>`);
		} catch {
			return undefined;
		}
	},
	discoverFeeds: (text) => discoverFeeds(`<html><head>${text}</head></html>`, 'https://page.example/'),
	'extractArticle (body)': (text) => {
		try {
			return extractArticle(
				`<html><body><article><p>Lead paragraph, long enough to count as text.</p><p>${text}</p></article></body></html>`,
				'https://page.example/',
			);
		} catch {
			return undefined;
		}
	},
	'documentFromFeedItem (feed content)': (text) =>
		documentFromFeedItem(
			{title: 't', link: 'https://page.example/a', published: null, author: null, contentHtml: text, summaryHtml: null},
			{url: 'https://f.example/', title: null},
		),
	markQuotes: (text) => markQuotes([{type: 'paragraph', spans: [{text: sanitizeTerminal(text)}]}]),
	'attributeQuotes (speakers)': (text) => {
		const blocks: DraftBlock[] = [{type: 'paragraph', spans: [{text: sanitizeTerminal(text)}]}];
		markQuotes(blocks);
		return attributeQuotes({blocks: blocks as ArticleDocument['blocks']});
	},
};

for (const [pathName, run] of Object.entries(paths)) {
	for (const [shapeName, text] of Object.entries(shapes)) {
		// Serial, and timed by this thread's CPU: the suite's other files share the two cores, and their work is not this one's.
		test.serial(`${pathName}: 1 MB of ${shapeName} in under a second`, async (t) => {
			const wall = performance.now();
			const cpu = process.threadCpuUsage();
			const result = run(text);
			if (result instanceof Promise) await result;
			const used = process.threadCpuUsage(cpu);
			const milliseconds = (used.user + used.system) / 1000;
			t.true(milliseconds < 1000, `${Math.round(milliseconds)} ms of CPU`);
			// And no hang on I/O or timers either.
			t.true(performance.now() - wall < 10_000, `${Math.round(performance.now() - wall)} ms in all`);
		});
	}
}
