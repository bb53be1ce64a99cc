import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {blockText, type ArticleDocument} from '../../source/articles/document.js';
import {htmlToPlainText} from '../../source/text/html-text.js';
import {corporaDirectory} from './paths.js';

/** The 21 English news pages of the Readability corpus (its NEWS-PAGES.md, section A). */
export const englishNewsPages = [
	'bbc-1',
	'cnn',
	'guardian-1',
	'nytimes-1',
	'nytimes-2',
	'nytimes-3',
	'nytimes-4',
	'wapo-1',
	'wapo-2',
	'telegraph',
	'herald-sun-1',
	'seattletimes-1',
	'schema-org-context-object',
	'bug-1255978',
	'yahoo-2',
	'yahoo-3',
	'breitbart',
	'buzzfeed-1',
	'msn',
	'salon-1',
	'tmz-1',
] as const;

export const readabilityPagesDirectory = join(corporaDirectory, 'articles/readability');

export function readNewsPage(name: string): {source: string; expected: string} {
	const directory = join(readabilityPagesDirectory, name);
	return {source: readFileSync(join(directory, 'source.html'), 'utf8'), expected: readFileSync(join(directory, 'expected.html'), 'utf8')};
}

/** Readability's test pages are served from this address in its own test suite. */
export const readabilityPageUrl = 'http://fakehost/test/page.html';

export type Overlap = {readonly precision: number; readonly recall: number; readonly f1: number};

/** Word overlap (multisets of lower-cased words) of an extracted body with Readability's expected.html. */
export function overlapWithExpected(document: ArticleDocument, expectedHtml: string): Overlap {
	const ours = [document.standfirst ?? '', document.image?.caption ?? '', ...document.blocks.map((block) => blockText(block))].join('\n');
	const a = wordCounts(ours);
	const b = wordCounts(htmlToPlainText(expectedHtml));
	let shared = 0;
	let sizeA = 0;
	let sizeB = 0;
	for (const count of a.values()) sizeA += count;
	for (const count of b.values()) sizeB += count;
	for (const [word, count] of a) shared += Math.min(count, b.get(word) ?? 0);
	const precision = sizeA ? shared / sizeA : 0;
	const recall = sizeB ? shared / sizeB : 0;
	return {precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0};
}

function wordCounts(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
	return counts;
}
