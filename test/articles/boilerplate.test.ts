import test from 'ava';
import {parseHTML} from 'linkedom';
import {findArticleRoot} from '../../source/articles/article-root.js';
import {dropFurnitureBlocks, isFurnitureText} from '../../source/articles/boilerplate-text.js';
import {pruneFurniture} from '../../source/articles/boilerplate.js';
import {blockText} from '../../source/articles/document.js';
import type {DraftBlock} from '../../source/articles/draft.js';
import {extractArticle, type BodyExtractor} from '../../source/articles/extract.js';
import {articleToText} from '../../source/render/article-text.js';

const prose = (label: string, n = 6) =>
	Array.from(
		{length: n},
		(_, index) =>
			`<p>${label} paragraph ${index + 1}: the council voted on Tuesday to close the old bridge for repairs, and residents said the detour would add twenty minutes to every trip.</p>`,
	).join('');

const body = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
const texts = (element: Element) => Array.from(element.querySelectorAll('p, li, h2')).map((node) => node.textContent);

test('furniture leaves the page: share bars, newsletter boxes, comments, sidebars, nav and footers', (t) => {
	const root = body(`<nav><a href="/">Home</a></nav>
		<div class="site-main content-with-sidebar"><article class="post tag-social-media category-comment">
			<div class="share-bar"><a href="#">Share on Facebook</a></div>${prose('Body')}
			<div class="newsletter-signup"><p>Get the morning briefing in your inbox every day, free, with the news that matters most to you.</p></div>
		</article><aside class="widget"><h2>Popular</h2><ul><li><a href="/a">Another story</a></li></ul></aside>
		<aside class="pullquote"><p>The bridge has carried traffic for ninety years, longer than anyone living can remember, they said.</p></aside></div>
		<section id="comments"><p>I drive over that bridge every day and I think the council should have fixed it a long time ago.</p></section>
		<footer><p>About us</p></footer>`);
	const paragraphs = Array.from(root.querySelectorAll('article > p')).slice(0, 6);
	pruneFurniture(root, paragraphs);
	const left = texts(root).join('\n');
	t.true(left.includes('Body paragraph 4'));
	// The wrapper named for its sidebar and the article whose tags name "social-media" and "comment" hold the body: kept.
	t.truthy(root.querySelector('.content-with-sidebar article'));
	// A weak hint (aside) with prose in it stays; without prose it goes.
	t.true(left.includes('ninety years'));
	for (const gone of ['Share on Facebook', 'morning briefing', 'Another story', 'I drive over', 'About us', 'Home']) {
		t.false(left.includes(gone), gone);
	}
});

test('furniture that holds a third of the page prose is not furniture', (t) => {
	const root = body(`<div class="sidebar-layout">${prose('Body', 6)}</div><div class="related">${prose('Other', 1)}</div>`);
	pruneFurniture(root, []);
	t.truthy(root.querySelector('.sidebar-layout'));
	t.is(root.querySelector('.related'), null);
});

const paragraph = (text: string): DraftBlock => ({type: 'paragraph', spans: [{text}]});
const heading = (text: string): DraftBlock => ({type: 'heading', level: 2, spans: [{text}]});
const sentence = 'The council voted on Tuesday to close the old bridge for repairs, residents said.';

test('template lines are furniture in any of the corpus languages; prose that mentions the same words is not', (t) => {
	for (const line of [
		'Sign up for our newsletter',
		'Share this article',
		'Share on Facebook Twitter WhatsApp',
		'© 2020 Example Media. All rights reserved.',
		'Posted in: News',
		'Photo: Getty Images',
		'Foto: picture alliance/dpa',
		'12 Comments',
		'Keine Kommentare',
		'Diesen Artikel teilen',
		'Abonniere unseren Newsletter',
		'Aktualisiert am 12.03.2020',
		'Anzeige',
		'Follow us on Twitter and Instagram',
		'This site uses Akismet to reduce spam.',
		'AFP / MARCO BERTORELLO',
		'Abbildung 4: klassische Schwachschicht.',
		'(crédito: Minervino Júnior/CB/D.A.Press)',
	]) {
		t.true(isFurnitureText(line), line);
	}

	for (const line of [
		'Share prices fell 5% on Monday after the report.',
		'Shares in the company rose.',
		'Hamburg/Berlin, the two cities, signed the treaty on Monday.',
		'Comments by the minister angered the opposition, who called for an inquiry into the contracts.',
		sentence,
		`The newsletter, founded in 1998, now reaches 40,000 readers in the region, its editor said. ${sentence} ${sentence}`,
	]) {
		t.false(isFurnitureText(line), line);
	}
});

test('a furniture heading takes its box; fragments after the last sentence go; related lines at the end stay', (t) => {
	const blocks = dropFurnitureBlocks([
		paragraph(sentence),
		heading('Related articles'),
		{type: 'list', ordered: false, items: [{depth: 0, spans: [{text: 'Another story', href: 'https://x.example/a'}]}]},
		heading('What happens next'),
		paragraph(sentence),
		paragraph('Last sentence of the story.'),
		{type: 'related', href: 'https://x.example/b', text: 'Read more: The bridge in pictures', label: 'Read more'},
		paragraph('Jane Doe, Contact'),
		{type: 'paragraph', spans: [{text: 'Back to: The bridge closes', href: 'https://x.example/c'}]},
		heading('Comments'),
	]);
	t.deepEqual(
		blocks.map((block) => blockText(block)),
		[
			sentence,
			'What happens next',
			sentence,
			'Last sentence of the story.',
			'Read more: The bridge in pictures',
			'Back to: The bridge closes',
		],
	);
});

const page = (inner: string, head = '') =>
	`<!doctype html><html><head><title>The bridge</title>${head}</head><body><header><nav><a href="/">Home</a></nav></header>${inner}<footer>About us</footer></body></html>`;

test('our extractor answers on strong evidence and stays silent otherwise', (t) => {
	const root = (html: string, articleBody: string | null = null) => {
		const element = body(html);
		return findArticleRoot(element, articleBody);
	};

	t.is(root(`<div itemprop="articleBody">${prose('Body')}</div><div>${prose('Other', 1)}</div>`)?.evidence, 'itemprop');
	t.is(root(`<main><div class="entry-content">${prose('Body')}</div></main>`)?.evidence, 'class');
	// A lead kept in a sibling before the body comes with it.
	const led = root(
		`<div class="story"><p class="lead">${'The lead paragraph says what happened, who did it and why it matters to readers. '.repeat(2)}</p><div class="article-body">${prose('Body')}</div></div>`,
	);
	t.is(led?.element.getAttribute('class'), 'story');
	// The body split around an ad slot: the element holding both parts.
	const split = root(
		`<div id="wrap"><div class="article-body">${prose('First')}</div><div class="ad">Ad</div><div class="article-body">${prose('Second')}</div></div>`,
	);
	t.is(split?.element.id, 'wrap');
	// JSON-LD articleBody names the element that covers it.
	const last = 'The bridge will reopen in the spring of next year, the engineer told the meeting on Tuesday evening.';
	const ld = `First paragraph 1: the council voted on Tuesday to close the old bridge for repairs. ${'More text. '.repeat(20)}${last}`;
	t.is(root(`<div id="story">${prose('First', 6)}<p>${last}</p></div><div>${prose('Other', 1)}</div>`, ld)?.element.id, 'story');
	// Evidence but little prose, or a body that is mostly not prose: Readability decides.
	t.is(root(`<div class="entry-content"><p>Short.</p></div>`), undefined);
	const gallery = Array.from(
		{length: 30},
		(_, index) => `<li>Photo ${index}: the bridge seen from the river bank at dawn, before the traffic</li>`,
	).join('');
	t.is(root(`<div class="article-body">${prose('Body', 2)}<ul>${gallery}</ul></div>`), undefined);
	t.is(root(prose('Body')), undefined);
});

test('every body extractor gives the same article on a page both can read', (t) => {
	const html = page(
		`<article><h1>The bridge</h1><div class="article-body">${prose('Body')}<div class="more"><a href="/a">One story link</a> <a href="/b">Another story link</a></div><p>Sign up for our newsletter</p></div></article>`,
	);
	const read = (mode: BodyExtractor) => articleToText(extractArticle(html, 'https://news.example/bridge', {body: mode}));
	t.is(read('own'), read('readability'));
	t.is(read('auto'), read('own'));
	t.false(read('auto').includes('newsletter'));
	t.false(read('own').includes('One story link'));
	t.throws(() => extractArticle(page(`<div>${prose('Body')}</div>`), 'https://news.example/x', {body: 'own'}), {
		message: /no readable article/,
	});
});

test('a whole document pasted inside the article is read as a browser reads it: its <html> and <body> tags ignored', (t) => {
	const html = page(
		`<article><h1>The bridge</h1><html><head><title>Embed</title></head><body class="embedded">${prose('Body')}</body></html><p>After the embed, the story goes on for one more paragraph of detail about the bridge works.</p></article>`,
	);
	const text = articleToText(extractArticle(html, 'https://news.example/bridge'));
	t.true(text.includes('Body paragraph 6'));
	t.true(text.includes('After the embed'));
});

test('ruby annotations are left out of the text: furigana would double every annotated word', (t) => {
	const html = page(
		`<article><h1>The bridge</h1>${prose('Body')}<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができました。</p></article>`,
	);
	const text = articleToText(extractArticle(html, 'https://news.example/bridge'));
	t.true(text.includes('子どもへの虐待をなくすための法律ができました。'));
	t.false(text.includes('こ'));
});
