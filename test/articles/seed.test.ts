import {readFileSync} from 'node:fs';
import test from 'ava';
import {spansOf, spansText, type ArticleDocument, type Span} from '../../source/articles/document.js';
import {fetchArticle} from '../../source/articles/fetch-page.js';
import {articleToText} from '../../source/render/article-text.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {comparableText, seedDirectory, seedPath} from '../helpers/paths.js';

type Expected = {
	title: string;
	standfirst: string;
	caption: string;
	source: string;
	published: string;
	siteName: string;
	blocks: string[];
	subheadings: string[];
	related: Array<{text: string; path: string}>;
	inlineLinks: Array<{text: string; href: string}>;
	quotes: string[];
};

const expected = JSON.parse(readFileSync(`${seedDirectory}tillerson.expected.json`, 'utf8')) as Expected;
const seedText = readFileSync(`${seedDirectory}000_9ee428fbf9fd90f6.txt`, 'utf8');

let server: FixtureServer;
let document: ArticleDocument;
test.before(async () => {
	server = await startFixtureServer();
	document = await fetchArticle(server.url(seedPath));
});
test.after.always(async () => server.close());

/** Quotations as the document marks them: runs of spans sharing a quote number. */
function quotations(document: ArticleDocument): string[] {
	const found = new Map<number, string>();
	for (const block of document.blocks) {
		for (const span of spansOf(block)) if (span.quote !== undefined) found.set(span.quote, (found.get(span.quote) ?? '') + span.text);
	}

	return [...found.values()];
}

function inlineLinks(document: ArticleDocument): Array<{text: string; href: string}> {
	const links: Array<{text: string; href: string}> = [];
	for (const block of document.blocks) {
		let previous: Span | undefined;
		for (const span of spansOf(block)) {
			if (span.link !== undefined && span.link === previous?.link) links.at(-1)!.text += span.text;
			else if (span.link !== undefined) links.push({text: span.text, href: document.links[span.link - 1]!.href});
			previous = span;
		}
	}

	return links;
}

const normaliseSpaces = (text: string) => text.replace(/\u00A0/g, ' ').trim();

test('metadata: title, standfirst, caption, source, date, site', (t) => {
	t.is(document.title, expected.title);
	t.is(document.standfirst, expected.standfirst);
	t.is(document.image?.caption, expected.caption);
	t.is(document.source, expected.source);
	t.is(document.published, expected.published);
	t.is(document.siteName, expected.siteName);
	t.is(document.extractedFrom, 'page');
	t.is(document.version, 1);
	t.is(document.url, server.url(seedPath));
});

test('body blocks in order, with the crosshead as a heading', (t) => {
	t.deepEqual(
		document.blocks.map((block) => (block.type === 'related' ? block.text : spansText([...spansOf(block)]))),
		expected.blocks.map((block) => normaliseSpaces(block)),
	);
	t.deepEqual(
		document.blocks.filter((block) => block.type === 'heading').map((block) => spansText([...spansOf(block)])),
		expected.subheadings,
	);
});

test('the four related links, in order, with their hrefs, and none from the Most Read sidebar', (t) => {
	const related = document.blocks.filter((block) => block.type === 'related');
	t.deepEqual(
		related.map((block) => ({text: block.text, href: document.links[block.link - 1]!.href})),
		expected.related.map((link) => ({text: link.text, href: server.url(link.path)})),
	);
	t.deepEqual(
		related.map((block) => block.label),
		['OPINION', null, 'WATCH', 'WATCH Inside Story'],
	);
	t.false(document.links.some((link) => /170806-\d|Most Read|venezuela/i.test(link.href + link.text)));
});

test('the three inline links with their text and resolved hrefs', (t) => {
	t.deepEqual(
		inlineLinks(document),
		expected.inlineLinks.map((link) => ({text: link.text, href: new URL(link.href, server.url(seedPath)).href})),
	);
	// Links are numbered in reading order across inline and related links.
	t.deepEqual(
		document.links.map((link) => link.number),
		[1, 2, 3, 4, 5, 6, 7],
	);
});

test('the ten quotations, apostrophes left alone', (t) => {
	t.deepEqual(quotations(document), expected.quotes);
});

test('plain text reproduces the seed text', (t) => {
	t.is(comparableText(articleToText(document)), comparableText(seedText));
});

test('word count and reading time', (t) => {
	t.true(document.wordCount > 400 && document.wordCount < 480, String(document.wordCount));
	t.is(document.readingMinutes, 2);
});
