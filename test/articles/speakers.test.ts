import {readFileSync} from 'node:fs';
import test from 'ava';
import type {ArticleDocument, Block} from '../../source/articles/document.js';
import {attributeQuotes, keyQuotes} from '../../source/articles/speakers.js';
import {fetchArticle} from '../../source/articles/fetch-page.js';
import {seedDirectory, seedPath} from '../helpers/paths.js';
import {startFixtureServer} from '../helpers/fixture-server.js';
import {scoreSpeakers} from '../helpers/quote-speakers.js';

type Labelled = {quote: string; speaker: string; role?: string; alsoRight?: null};
const labels = (JSON.parse(readFileSync(`${seedDirectory}tillerson.speakers.json`, 'utf8')) as {quotes: Labelled[]}).quotes;

test('the seed: every one of its ten quotations has its speaker, and the roles the article gives', async (t) => {
	const server = await startFixtureServer();
	t.teardown(() => server.close());
	const attributions = attributeQuotes(await fetchArticle(server.url(seedPath)));
	t.is(attributions.length, labels.length);
	for (const [index, label] of labels.entries()) {
		const found = attributions[index]!;
		t.is(found.text.replace(/\s+/g, ' '), label.quote);
		if ('alsoRight' in label) t.true(found.speaker === label.speaker || found.speaker === null, label.quote);
		else t.is(found.speaker, label.speaker, label.quote);
		if (label.role) t.is(found.role, label.role, label.quote);
	}

	t.deepEqual(
		keyQuotes(attributions).map((group) => [group.speaker, group.role, group.quotes.length]),
		[
			['Rex Tillerson', 'US Secretary of State', 8],
			['Dmitry Medvedev', 'Russian Prime Minister', 2],
		],
	);
});

/** A document of paragraphs whose «…» parts are quotations, numbered in order. */
function article(...paragraphs: string[]): Pick<ArticleDocument, 'blocks'> {
	let next = 1;
	const blocks: Block[] = paragraphs.map((paragraph) => ({
		type: 'paragraph',
		spans: paragraph
			.split(/(«[^»]*»)/)
			.filter(Boolean)
			.map((text) => (text.startsWith('«') ? {text: `“${text.slice(1, -1)}”`, quote: next++} : {text})),
	}));
	return {blocks};
}

const speakers = (document: Pick<ArticleDocument, 'blocks'>) => attributeQuotes(document).map((entry) => entry.speaker);

test('attribution rules: after, before, inverted, according to, pronouns, split and continued quotations, and no one', (t) => {
	t.deepEqual(speakers(article('«We will win,» said Labour leader Keir Starmer on Tuesday.')), ['Keir Starmer']);
	t.deepEqual(speakers(article('Health Minister Jane Doe said: «The wards are full.»')), ['Jane Doe']);
	t.deepEqual(speakers(article('«It is over,» according to Maria Lopez, a local farmer.')), ['Maria Lopez']);
	t.deepEqual(
		speakers(
			article('Angela Merkel met Emmanuel Macron in Paris.', '«We agree on most things,» Merkel told reporters. «Not all,» she added.'),
		),
		['Angela Merkel', 'Angela Merkel'],
	);
	t.deepEqual(speakers(article('«The first part,» John Smith said, «and the second.»')), ['John Smith', 'John Smith']);
	t.deepEqual(speakers(article('«Prices will rise,» warned economist Ann Lee.', '«And they will keep rising through the winter.»')), [
		'Ann Lee',
		'Ann Lee',
	]);
	t.deepEqual(speakers(article('Critics called the plan a «disaster» on social media.')), [null]);
	const roles = attributeQuotes(article('Russian Foreign Minister Sergey Lavrov said the talks were «useful».'));
	t.like(roles[0], {speaker: 'Sergey Lavrov', role: 'Russian Foreign Minister'});
});

test('speakers on hand-labelled news pages: precision and recall stay above their floors (npm run bench -- quotes prints them)', (t) => {
	const development = scoreSpeakers('pages');
	const heldOut = scoreSpeakers('heldOut');
	t.true(development.labelled >= 60 && heldOut.labelled >= 25);
	t.true(development.precision >= 0.95 && development.recall >= 0.95, JSON.stringify(development.misses));
	t.true(heldOut.precision >= 0.9 && heldOut.recall >= 0.8, JSON.stringify(heldOut.misses));
});
