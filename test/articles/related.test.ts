import test from 'ava';
import type {ArticleDocument} from '../../source/articles/document.js';
import {extractArticle} from '../../source/articles/extract.js';

const filler = (n: number) =>
	Array.from(
		{length: n},
		(_, index) => `<p>Paragraph ${index + 1} of the story, long enough with clauses, commas and detail to read as body text.</p>`,
	).join('');

const page = (article: string, outside = '') =>
	extractArticle(
		`<!doctype html><html><head><title>Story</title></head><body><nav><ul><li><a href="/news/">News section front page link</a></li></ul></nav>
		<article><h1>Story</h1>${article}</article>${outside}<footer><p><a href="/about/">About this website and its owners</a></p></footer></body></html>`,
		'https://news.example/2026/story.html',
	);

const related = (document: ArticleDocument) =>
	document.blocks.flatMap((block) =>
		block.type === 'related' ? [{text: block.text, label: block.label, href: document.links[block.link - 1]!.href}] : [],
	);

test('labelled one-link paragraphs become related links at their place', (t) => {
	const document = page(
		`${filler(2)}<p>Read more: <a href="/2026/other.html">Another story about the same thing</a></p>${filler(1)}<p><em>Related:</em> <a href="/2026/third.html">A third story on the subject</a></p>${filler(1)}`,
	);
	t.deepEqual(related(document), [
		{text: 'Read more: Another story about the same thing', label: 'Read more', href: 'https://news.example/2026/other.html'},
		{text: 'Related: A third story on the subject', label: 'Related', href: 'https://news.example/2026/third.html'},
	]);
	t.is(document.blocks[2]!.type, 'related');
});

test('a paragraph with a link inside a sentence is not a related link', (t) => {
	const document = page(
		`${filler(2)}<p>The minister said on Monday that <a href="/x">the plan</a> would go ahead despite protests.</p>${filler(1)}`,
	);
	t.deepEqual(related(document), []);
	t.is(document.links.length, 1);
	t.false(document.links[0]!.related);
});

test('short link-only lines (tags, "here") are not related stories', (t) => {
	const document = page(`${filler(2)}<p><a href="/tag/politics">Politics</a></p><p><a href="/x">click here</a></p>${filler(1)}`);
	t.deepEqual(related(document), []);
});

test('a related-stories box inside the article is kept where it stood', (t) => {
	const document = page(
		`${filler(2)}<div class="related-stories"><h3>Related</h3><ul><li><a href="/2026/a.html">First related story headline</a></li><li><a href="/2026/b.html">Second related story headline</a></li></ul></div>${filler(2)}`,
	);
	t.deepEqual(
		related(document).map((link) => link.href),
		['https://news.example/2026/a.html', 'https://news.example/2026/b.html'],
	);
	// Between the paragraph it followed and the next one (a "Related" heading may stay with it).
	const kinds = document.blocks.map((block) => block.type);
	const firstRelated = kinds.indexOf('related');
	t.deepEqual(kinds.slice(0, 2), ['paragraph', 'paragraph']);
	t.true(firstRelated >= 2 && firstRelated <= 3);
	t.deepEqual(kinds.slice(firstRelated, firstRelated + 3), ['related', 'related', 'paragraph']);
});

test('a related box that Readability strips is put back after the paragraph it followed', (t) => {
	const document = page(
		`${filler(3)}<aside class="related"><ul><li><a href="/2026/c.html">Box story one with a headline</a></li><li><a href="/2026/d.html">Box story two with a headline</a></li></ul></aside>${filler(5)}`,
	);
	const kinds = document.blocks.map((block) => block.type);
	t.deepEqual(kinds, [
		'paragraph',
		'paragraph',
		'paragraph',
		'related',
		'related',
		'paragraph',
		'paragraph',
		'paragraph',
		'paragraph',
		'paragraph',
	]);
	t.deepEqual(
		related(document).map((link) => link.text),
		['Box story one with a headline', 'Box story two with a headline'],
	);
});

test('most-read sidebars, navigation and footers never give related links', (t) => {
	const document = page(
		filler(4),
		`<aside class="most-read"><h3>Most read</h3><ol><li><a href="/2026/popular.html">A very popular story elsewhere</a></li></ol></aside>`,
	);
	t.deepEqual(related(document), []);
	t.false(document.links.some((link) => /popular|about|news\/$/.test(link.href)));
});

test('a link to the page itself is not a related story', (t) => {
	const document = page(
		`${filler(2)}<p><a href="https://news.example/2026/story.html#comments">Comments on this very story page</a></p>${filler(1)}`,
	);
	t.deepEqual(related(document), []);
});
