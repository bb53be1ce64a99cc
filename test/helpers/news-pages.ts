import {readFileSync} from 'node:fs';
import {join} from 'node:path';
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
