import {readFileSync} from 'node:fs';
import {articleFromHtml} from '../../source/articles/fetch-page.js';
import {attributeQuotes} from '../../source/articles/speakers.js';
import {corporaDirectory, repoDirectory} from './paths.js';

type LabelSet = Record<string, Array<[string, string | null]>>;
type Labels = {pages: LabelSet; heldOut: LabelSet; fresh: LabelSet};

export type SpeakerScore = {
	readonly labelled: number;
	readonly pages: number;
	/** Of the quotations given a speaker, how many got the right one. */
	readonly precision: number;
	/** Of the quotations the text attributes, how many got the right speaker. */
	readonly recall: number;
	/** Every labelled quotation, null ones included: the speaker (or none) right. */
	readonly accuracy: number;
	readonly misses: ReadonlyArray<{page: string; quote: string; expected: string | null; found: string | null}>;
};

const comparable = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Scores attributeQuotes against the hand-labelled pages (test/fixtures/quote-speakers.json): each
 * label finds the next quotation of its page, in reading order, that starts as it does.
 */
export function scoreSpeakers(set: 'pages' | 'heldOut' | 'fresh' = 'pages'): SpeakerScore {
	const labels = JSON.parse(readFileSync(`${repoDirectory}test/fixtures/quote-speakers.json`, 'utf8')) as Labels;
	let given = 0;
	let right = 0;
	let attributed = 0;
	let found = 0;
	let correct = 0;
	let labelled = 0;
	const misses: Array<{page: string; quote: string; expected: string | null; found: string | null}> = [];
	for (const [page, entries] of Object.entries(labels[set])) {
		const html = readFileSync(`${corporaDirectory}articles/trafilatura/pages/${page}`);
		const quotes = attributeQuotes(articleFromHtml(html, 'https://example.com/'));
		let from = 0;
		for (const [start, expected] of entries) {
			const index = quotes.findIndex((quote, at) => at >= from && comparable(quote.text).startsWith(start));
			const speaker = index === -1 ? null : quotes[index]!.speaker;
			if (index !== -1) from = index + 1;
			labelled++;
			if (speaker !== null) given++;
			if (expected !== null) attributed++;
			if (speaker !== null && speaker === expected) {
				right++;
				found++;
			}

			if (speaker === expected) correct++;
			else misses.push({page, quote: start, expected, found: speaker});
		}
	}

	return {
		labelled,
		pages: Object.keys(labels[set]).length,
		precision: given ? right / given : 1,
		recall: attributed ? found / attributed : 1,
		accuracy: correct / labelled,
		misses,
	};
}
