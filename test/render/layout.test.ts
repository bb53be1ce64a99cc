import {readFileSync} from 'node:fs';
import test from 'ava';
import stringWidth from 'string-width';
import {extractArticle} from '../../source/articles/extract.js';
import {documentFromFeedItem} from '../../source/articles/from-feed.js';
import {layoutArticle} from '../../source/render/article-lines.js';
import {relativeAge} from '../../source/text/relative-time.js';
import {displayWidth, truncateToWidth, wrapText} from '../../source/text/wrap.js';
import {fixturesDirectory, seedHost, seedPath} from '../helpers/paths.js';

const seed = extractArticle(readFileSync(`${fixturesDirectory}${seedHost}${seedPath}`, 'utf8'), `https://${seedHost}${seedPath}`);
const lineText = (segments: ReadonlyArray<{text: string}>) => segments.map((segment) => segment.text).join('');

test('display width per grapheme: CJK and emoji are two columns, combining marks none', (t) => {
	t.is(displayWidth('日本'), 4);
	t.is(displayWidth('👍🏽'), 2);
	t.is(displayWidth('é'), 1);
	t.is(displayWidth('🇫🇷'), 2);
});

test('the one-column fast path agrees with string-width on every character it accepts, and on text mixing them', (t) => {
	for (let code = 0; code <= 0xff_ff; code++) {
		const character = String.fromCodePoint(code);
		// Lone surrogates are not text; the fast path's class holds none of them anyway.
		if (code >= 0xd8_00 && code <= 0xdf_ff) continue;
		// Beside an ASCII letter, a character takes the fast path exactly when the class accepts it.
		if (displayWidth(`a${character}`) !== stringWidth(`a${character}`)) t.fail(`U+${code.toString(16)}: ${displayWidth(`a${character}`)}`);
	}

	t.is(
		displayWidth('● Tillerson: “Russia’s meddling” — ★ ✗ │ café naïve'),
		stringWidth('● Tillerson: “Russia’s meddling” — ★ ✗ │ café naïve'),
	);
	t.is(displayWidth('soft\u00ADhyphen'), 'softhyphen'.length);
	t.is(displayWidth('zero\u200Bwidth'), 'zerowidth'.length);
	t.is(displayWidth('e\u0301'), 1);
});

test('truncation never splits a grapheme and never exceeds the width', (t) => {
	t.is(truncateToWidth('Hello world', 8), 'Hello w…');
	t.is(truncateToWidth('日本語のニュース', 7), '日本語…');
	t.is(truncateToWidth('👍🏽👍🏽👍🏽', 5), '👍🏽👍🏽…');
	t.is(truncateToWidth('short', 10), 'short');
	for (let width = 1; width < 12; width++) t.true(displayWidth(truncateToWidth('日本語のニュース記事', width)) <= width);
});

test('wrapping by columns, cutting words longer than a line between graphemes', (t) => {
	t.deepEqual(wrapText('one two three four', 9), ['one two', 'three', 'four']);
	t.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
	for (const line of wrapText('漢字の文章はとても長くて一行には入りません', 10)) t.true(displayWidth(line) <= 10);
});

test('the seed article laid out: every line within the measure, markers after links with a space', (t) => {
	const layout = layoutArticle(seed, 60);
	t.is(layout.width, 60);
	for (const line of layout.lines) t.true(displayWidth(lineText(line.segments)) + line.indent <= 60, lineText(line.segments));
	const text = layout.lines.map((line) => lineText(line.segments)).join('\n');
	t.regex(text, /Rex Tillerson \[1\] said/);
	t.regex(text, /new sanctions against\nRussia \[5\], which|new sanctions against Russia \[5\], which/);
	t.regex(text, /→ OPINION: Is Russia a real threat to the West\? \[3\]/);
	t.regex(text, /Source: Al Jazeera, News Agencies\n\nRelated stories\n→ OPINION/);
});

test('link stops in reading order, each knowing its lines; quotation segments marked', (t) => {
	const layout = layoutArticle(seed, 80);
	// Seven links in the body, then the four related ones again under "Related stories".
	t.deepEqual(
		layout.stops.map((stop) => stop.link),
		[1, 2, 3, 4, 5, 6, 7, 3, 4, 6, 7],
	);
	for (const [index, stop] of layout.stops.entries()) {
		t.true(stop.firstLine <= stop.lastLine);
		t.true(layout.lines[stop.firstLine]!.segments.some((segment) => segment.stop === index));
	}

	const quoted = layout.lines.flatMap((line) => line.segments.filter((segment) => segment.quote).map((segment) => segment.text)).join('');
	t.true(quoted.includes('“serious mistrust”'));
	t.false(quoted.includes('Moscow’s'));
});

test('a feed-only article says so; laying out 2,000 lines stays fast enough to do once per width', (t) => {
	const feedOnly = documentFromFeedItem(
		{title: 'T', link: null, published: null, author: null, summaryHtml: null, contentHtml: `<p>${'word '.repeat(20)}</p>`.repeat(700)},
		{url: 'https://x.example/feed', title: null},
	);
	const started = performance.now();
	const layout = layoutArticle(feedOnly, 80);
	const elapsed = performance.now() - started;
	t.regex(lineText(layout.lines[0]!.segments), /The page could not be read/);
	t.true(layout.lines.length > 2000, String(layout.lines.length));
	t.log(`${layout.lines.length} lines laid out in ${elapsed.toFixed(1)} ms`);
});

test('relative ages for the headline list', (t) => {
	const now = new Date('2026-11-27T12:00:00Z');
	t.is(relativeAge('2026-11-27T11:59:50Z', now), 'now');
	t.is(relativeAge('2026-11-27T11:15:00Z', now), '45m');
	t.is(relativeAge('2026-11-27T07:00:00Z', now), '5h');
	t.is(relativeAge('2026-11-24T12:00:00Z', now), '3d');
	t.is(relativeAge('2026-10-15T12:00:00Z', now), '6w');
	t.is(relativeAge('2026-09-01T12:00:00Z', now), '2026-09-01');
	t.is(relativeAge(null, now), '');
});
