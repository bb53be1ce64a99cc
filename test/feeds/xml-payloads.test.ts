import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import test from 'ava';
import Parser from 'rss-parser';
import {parseFeed} from '../../source/feeds/parse.js';
import {liftPayloads} from '../../source/feeds/xml-payloads.js';
import {decodeBody} from '../../source/net/charset.js';
import {richFeed} from '../bench/rich-feeds.js';
import {corporaDirectory} from '../helpers/paths.js';

/** rss-parser's own reading of `xml`, or its error's text. */
async function parseWith(xml: string): Promise<unknown> {
	try {
		return await new Parser().parseString(xml);
	} catch (error) {
		return {error: String(error)};
	}
}

/** What rss-parser reads from the lifted document, with the texts put back. */
async function parseLifted(xml: string): Promise<{parsed: unknown; lifted: boolean}> {
	const lifted = liftPayloads(xml);
	const parsed = await parseWith(lifted.xml);
	lifted.restore(parsed);
	return {parsed, lifted: lifted.xml !== xml};
}

function* walk(directory: string): Generator<string> {
	for (const name of readdirSync(directory)) {
		const path = join(directory, name);
		if (statSync(path).isDirectory()) yield* walk(path);
		else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield path;
	}
}

test('every XML feed of the corpus reads the same with its long texts lifted as without', async (t) => {
	let liftedFiles = 0;
	const differing: string[] = [];
	for (const path of walk(join(corporaDirectory, 'feeds'))) {
		const {text} = decodeBody(readFileSync(path), undefined, 'xml');
		const {parsed, lifted} = await parseLifted(text);
		if (lifted) liftedFiles++;
		if (!isDeepStrictEqual(parsed, await parseWith(text))) differing.push(path);
	}

	t.deepEqual(differing, []);
	// The corpus has many full-text feeds: a lifter that never lifts would pass the comparison above.
	t.true(liftedFiles > 50, `only ${liftedFiles} files had a text lifted`);
});

test('a generated full-text feed, RSS and Atom, reads the same and has its bodies lifted', async (t) => {
	for (const index of [0, 1, 2]) {
		const xml = richFeed(index, 20);
		const lifted = liftPayloads(xml);
		t.true(lifted.xml.length < xml.length / 3, `feed ${index} kept ${lifted.xml.length} of ${xml.length} characters`);
		t.deepEqual((await parseLifted(xml)).parsed, await parseWith(xml));
	}
});

const long = (text: string) => text.repeat(Math.ceil(300 / text.length));
const rss = (item: string) =>
	`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>${item}</item></channel></rss>`;

const cases: Array<[string, string, boolean]> = [
	['CDATA with white space around it', `<description>\n  <![CDATA[${long('<p>Body &amp; more</p>')}]]>\n</description>`, true],
	['CDATA that quotes the closing tag', `<description><![CDATA[${long('x')} </description> ${long('y')}]]></description>`, true],
	[
		'escaped text with every predefined and numeric entity',
		`<description>${long('&lt;p&gt;&quot;a&apos; &amp; &#8220;b&#x201D; &#X41;')}</description>`,
		true,
	],
	['an HTML entity sax knows but XML does not predefine', `<description>${long('caf&eacute; ')}</description>`, false],
	['a bare ampersand', `<description>${long('fish & chips ')}</description>`, false],
	['a character reference to NUL', `<description>${long('a')}&#0;</description>`, false],
	['a reference to a lone surrogate', `<description>${long('a')}&#xD800;</description>`, false],
	['white space only', `<description>${' '.repeat(400)}</description>`, false],
	['two CDATA sections', `<description><![CDATA[${long('a')}]]><![CDATA[${long('b')}]]></description>`, false],
	['child elements (Atom xhtml)', `<description>${long('a')}<b>bold</b></description>`, false],
	['an attribute holding ">"', `<description data-x="a>b">${long('plain text ')}</description>`, true],
	['a short body', '<description>short</description>', false],
	[
		'CRLF line ends in escaped text and in CDATA',
		`<description>${long('line&lt;br&gt;\r\n')}</description><content:encoded><![CDATA[${long('<p>a</p>\r\n')}]]></content:encoded>`,
		true,
	],
	['a namespaced element of another name', `<media:description>${long('caption ')}</media:description>`, false],
	['a comment quoting a lifted element', `<!-- <description>${long('z')}</description> --><description>${long('w')}</description>`, true],
	['a title CDATA quoting a lifted element', `<title><![CDATA[<description>${long('z')}</description>]]></title>`, false],
	['a title that tries to forge a placeholder', `<title>&#xE000;0&#xE001;</title><description>${long('real ')}</description>`, true],
];

for (const [name, item, expectLifted] of cases) {
	test(`lifting: ${name}`, async (t) => {
		const xml = rss(item);
		const {parsed, lifted} = await parseLifted(xml);
		t.is(lifted, expectLifted);
		t.deepEqual(parsed, await parseWith(xml));
	});
}

test('a DOCTYPE (which may declare entities) turns lifting off', (t) => {
	const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY who "W">]>${rss(`<description>${long('by &who; ')}</description>`).replace(/^<\?xml[^>]*>/, '')}`;
	t.is(liftPayloads(xml).xml, xml);
});

test('a feed carrying the placeholder characters themselves is read as it is', async (t) => {
	const xml = rss(`<description>${long('\uE000 private use \uE001 ')}</description>`);
	t.is(liftPayloads(xml).xml, xml);
	const feed = await parseFeed(xml, 'https://example.com/feed.xml');
	t.true(feed.items[0]!.summaryHtml!.includes('private use'));
});
