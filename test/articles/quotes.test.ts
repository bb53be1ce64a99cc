import test from 'ava';
import {spansOf, type ArticleDocument} from '../../source/articles/document.js';
import {extractArticle} from '../../source/articles/extract.js';
import {findQuotations} from '../../source/articles/quotes.js';

const quotes = (text: string) => findQuotations(text).ranges.map((range) => text.slice(range.start, range.end));

function quotationsOf(document: ArticleDocument): string[] {
	const found = new Map<number, string[]>();
	for (const block of document.blocks) {
		const parts = new Map<number, string>();
		for (const span of spansOf(block)) if (span.quote !== undefined) parts.set(span.quote, (parts.get(span.quote) ?? '') + span.text);
		for (const [id, text] of parts) found.set(id, [...(found.get(id) ?? []), text]);
	}

	return [...found.values()].map((parts) => parts.join(' / '));
}

const page = (body: string) =>
	extractArticle(
		`<!doctype html><html><head><title>T</title></head><body><article><h1>T</h1>${body}</article></body></html>`,
		'https://news.example/a',
	);

test('curly double quotes, with punctuation inside the marks', (t) => {
	t.deepEqual(quotes('He said “no,” and “yes”.'), ['“no,”', '“yes”']);
});

test('single curly quotes are told apart from apostrophes', (t) => {
	t.deepEqual(quotes('The Kremlin’s view of last year’s ‘full-scale trade war’ was clear.'), ['‘full-scale trade war’']);
	t.deepEqual(quotes('It’s the players’ union, don’t ask.'), []);
	t.deepEqual(quotes('‘I can’t,’ she said.'), ['‘I can’t,’']);
});

test('straight quotes: pairs, but not inches or apostrophes', (t) => {
	t.deepEqual(quotes('He called it "a disaster" twice.'), ['"a disaster"']);
	t.deepEqual(quotes('A 12" pipe and a 3" bolt.'), []);
	t.deepEqual(quotes("It's the 'best' one, isn't it?"), ["'best'"]);
});

test('guillemets and German quotes', (t) => {
	t.deepEqual(quotes('Il a dit « non » hier, «oui» aujourd’hui.'), ['« non »', '«oui»']);
	t.deepEqual(quotes('Er sagte „nein“ und ging.'), ['„nein“']);
});

test('<q> elements get their marks and count as quotations', (t) => {
	const document = page('<p>She said <q>we will win</q> and left, which was a long paragraph of text for the test.</p>');
	t.deepEqual(quotationsOf(document), ['“we will win”']);
});

test('<blockquote> content is a quotation', (t) => {
	const filler =
		'<p>A paragraph long enough, with commas, clauses and detail, that the extractor sees this page as an article worth keeping.</p>';
	const document = page(`${filler}${filler}<blockquote><p>Every word here is quoted.</p></blockquote>${filler}`);
	const blockquote = document.blocks.find((block) => block.type === 'blockquote');
	t.truthy(blockquote);
	t.deepEqual(quotationsOf(document), ['Every word here is quoted.']);
});

test('a quotation over several paragraphs: the mark repeats, only the last one closes', (t) => {
	const document = page(
		'<p>The minister spoke at length about the plan and what it meant for the country.</p>' +
			'<p>“We will build the road, and we will build it this year.</p>' +
			'<p>“Nobody will stop us, and nobody should try,” he said.</p>' +
			'<p>Critics were not convinced, and said “it will never happen”.</p>',
	);
	const found = quotationsOf(document);
	t.deepEqual(found, [
		'“We will build the road, and we will build it this year. / “Nobody will stop us, and nobody should try,”',
		'“it will never happen”',
	]);
});

test('a quotation that crosses a link keeps both the link and the quotation', (t) => {
	const document = page('<p>He called it “a <a href="/x">historic day</a> for all of us” in a speech that went on for quite a while.</p>');
	t.deepEqual(quotationsOf(document), ['“a historic day for all of us”']);
	const link = document.blocks.flatMap((block) => [...spansOf(block)]).find((span) => span.link === 1);
	t.is(link?.quote, 1);
	t.is(link?.text, 'historic day');
});
