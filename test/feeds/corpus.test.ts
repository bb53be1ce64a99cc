import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import test from 'ava';
import {parseFeed} from '../../source/feeds/parse.js';
import {decodeBody} from '../../source/net/charset.js';
import {BroadsheetError} from '../../source/net/errors.js';
import {corporaDirectory} from '../helpers/paths.js';

const feedsDirectory = join(corporaDirectory, 'feeds');

function* walk(directory: string): Generator<string> {
	for (const name of readdirSync(directory)) {
		const path = join(directory, name);
		if (statSync(path).isDirectory()) yield* walk(path);
		else if (!/^LICENSE|\.md$/.test(name) && !path.includes('/rss-parser/test/output/')) yield path;
	}
}

async function parseFile(path: string, contentType?: string) {
	const {text} = decodeBody(readFileSync(path), contentType, 'xml');
	return parseFeed(text, 'https://feeds.example.com/feed.xml');
}

const feed = (path: string, contentType?: string) => parseFile(join(feedsDirectory, path), contentType);

test('every corpus file parses or fails with a classified error, never a stray exception', async (t) => {
	const files = [...walk(feedsDirectory)];
	t.true(files.length > 2200, `only ${files.length} corpus files found`);
	const outcome = {parsed: 0, items: 0, notFeed: 0, parse: 0};
	const stray: string[] = [];
	for (const path of files) {
		try {
			const result = await parseFile(path);
			outcome.parsed++;
			outcome.items += result.items.length;
			for (const item of result.items) {
				if (typeof item.title !== 'string' || typeof item.id !== 'string' || !item.id)
					stray.push(`${relative(feedsDirectory, path)}: bad item`);
				if (item.published !== null && Number.isNaN(Date.parse(item.published))) stray.push(`${relative(feedsDirectory, path)}: bad date`);
				if (item.link !== null && !/^https?:\/\//.test(item.link)) stray.push(`${relative(feedsDirectory, path)}: bad link ${item.link}`);
				if (item.categories.some((category) => typeof category !== 'string')) stray.push(`${relative(feedsDirectory, path)}: bad category`);
			}
		} catch (error) {
			if (error instanceof BroadsheetError && (error.kind === 'not-feed' || error.kind === 'parse')) {
				outcome[error.kind === 'parse' ? 'parse' : 'notFeed']++;
			} else {
				stray.push(`${relative(feedsDirectory, path)}: ${String(error)}`);
			}
		}
	}

	t.deepEqual(stray, []);
	t.log(`${files.length} files: ${outcome.parsed} parsed (${outcome.items} items), ${outcome.notFeed} not feeds, ${outcome.parse} broken`);
	// Most of the corpus is readable feeds; a regression that breaks parsing wholesale must fail here.
	t.true(outcome.parsed > files.length * 0.8);
});

test('the Guardian feed: item count, titles, creators and dates', async (t) => {
	const expected = JSON.parse(readFileSync(join(feedsDirectory, 'rss-parser/test/output/guardian.json'), 'utf8')) as {
		feed: {items: Array<{title: string; isoDate: string}>};
	};
	const result = await feed('rss-parser/test/input/guardian.rss');
	t.is(result.format, 'rss');
	t.is(result.items.length, expected.feed.items.length);
	t.deepEqual(
		result.items.map((item) => item.title),
		expected.feed.items.map((item) => item.title.replace(/\s+/g, ' ').trim()),
	);
	t.is(result.items[0]!.author, 'David Smith in Washington');
	t.is(result.items[0]!.published, '2018-01-31T07:26:05Z');
	t.true(result.items[0]!.categories.length > 0);
	t.true(result.items[0]!.categories.every((category) => typeof category === 'string'));
});

test('UOL: ISO-8859-1 without any declaration is decoded right', async (t) => {
	const result = await feed('rss-parser/test/input/uolNoticias.rss');
	t.true(result.items.length > 0);
	const titles = result.items.map((item) => item.title).join(' ');
	t.false(titles.includes('\uFFFD'));
	t.regex(titles, /simulaç/);
});

test('a header charset decodes windows-1251 (iconv.xml)', async (t) => {
	const result = await feed('node-feedparser/test/feeds/iconv.xml');
	t.regex(result.items[0]!.title, /^В Бузулуке/);
});

test('UTF-16 feeds, with and without a BOM, are decoded', (t) => {
	for (const name of ['utf-16le-bom.xml', 'utf-16be-bom.xml', 'utf-16le.xml', 'utf-16be.xml', 'utf-16le-autodetect.xml']) {
		const {text} = decodeBody(readFileSync(join(feedsDirectory, 'feedparser/tests/encoding', name)), undefined, 'xml');
		t.true(text.startsWith('<?xml'), name);
		t.regex(text, /Description:\s+\S/, name);
	}
});

test('feedjira: files with a newline (or BOM) before <?xml parse', async (t) => {
	// The *FirstEntry* files are fragments of a feed, not feeds.
	const withNewline = readdirSync(join(feedsDirectory, 'feedjira/spec/sample_feeds')).filter(
		(name) =>
			!name.includes('FirstEntry') && readFileSync(join(feedsDirectory, 'feedjira/spec/sample_feeds', name), 'utf8').startsWith('\n'),
	);
	t.true(withNewline.length >= 10);
	let parsed = 0;
	for (const name of withNewline) {
		// The leading newline must make no difference: same outcome as the file without it.
		const text = readFileSync(join(feedsDirectory, 'feedjira/spec/sample_feeds', name), 'utf8');
		const outcome = async (body: string) =>
			parseFeed(body, 'https://x.example/').then(
				(result) => `${result.items.length} items`,
				(error: BroadsheetError) => error.kind,
			);
		const withIt = await outcome(text);
		t.is(withIt, await outcome(text.trimStart()), name);
		if (withIt.endsWith('items')) parsed++;
	}

	t.true(parsed >= withNewline.length - 2, `${parsed} of ${withNewline.length} parsed`);
	const hackerNews = await feed('feedjira/spec/sample_feeds/TechCrunch.xml');
	t.is(hackerNews.items.length, 20);
});

test('JSON Feed 1.0 and 1.1', async (t) => {
	const result = await feed('feedjira/spec/sample_feeds/json_feed.json');
	t.is(result.format, 'json');
	t.is(result.items.length, 20);
	t.is(result.items[0]!.title, 'James Dempsey and the Breakpoints Benefit App Camp for Girls');
	t.is(result.items[0]!.link, 'http://inessential.com/2017/06/02/james_dempsey_and_the_breakpoints_benefi');
	t.truthy(result.items[0]!.published);
	const modern = await feed('rsparser/Tests/RSParserTests/Resources/DaringFireball.json');
	t.is(modern.items.length, 48);
});

test('the HTML "moved" page and HTML pages are reported as not a feed', async (t) => {
	for (const path of ['rss-parser/test/input/unrecognized.rss', 'node-feedparser/test/feeds/notafeed.html']) {
		const error = await t.throwsAsync(feed(path), {instanceOf: BroadsheetError});
		t.is(error.kind, 'not-feed', path);
	}
});

test('RSS 1.0 (RDF) parses', async (t) => {
	const rdf = await feed('rss-parser/test/input/rss-1.rss');
	t.is(rdf.format, 'rdf');
	t.true(rdf.items.length > 0);
});

test('xml:base and relative links resolve to absolute URLs', async (t) => {
	const relativeUrls = await feed('node-feedparser/test/feeds/rss-with-relative-urls.xml');
	for (const item of relativeUrls.items) t.regex(item.link ?? '', /^https?:\/\//);
	const atom = await feed('node-feedparser/test/feeds/tpm-with-fragment-base.atom');
	t.regex(atom.items[0]!.link ?? '', /^https?:\/\//);
});
