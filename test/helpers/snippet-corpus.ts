/**
 * The annotated extraction corpus (corpora/articles/trafilatura: 990 pages, snippets the main text must and
 * must not contain), scored as ../shared/tools/snippet-score.py scores it: whitespace-normalised substring
 * matches, counts summed over all pages.
 */
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import type {BodyExtractor} from '../../source/articles/extract.js';
import {articleFromHtml} from '../../source/articles/fetch-page.js';
import {articleToText} from '../../source/render/article-text.js';
import {corporaDirectory} from './paths.js';

export const snippetCorpusDirectory = `${corporaDirectory}articles/trafilatura/`;

export type SnippetPage = {readonly url: string; readonly file: string; readonly with: string[]; readonly without: string[]};

export function snippetPages(): SnippetPage[] {
	const data = JSON.parse(readFileSync(`${snippetCorpusDirectory}evaldata.json`, 'utf8')) as Record<
		string,
		{file: string; with: string[]; without: string[]}
	>;
	return Object.entries(data).map(([url, entry]) => ({url, file: entry.file, with: entry.with, without: entry.without}));
}

export type PageScore = {readonly tp: number; readonly fp: number; readonly fn: number};

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export function scorePage(page: SnippetPage, text: string | undefined): PageScore {
	if (text === undefined) return {tp: 0, fp: 0, fn: page.with.length};
	const output = normalise(text);
	const tp = page.with.filter((snippet) => output.includes(normalise(snippet))).length;
	const fp = page.without.filter((snippet) => output.includes(normalise(snippet))).length;
	return {tp, fp, fn: page.with.length - tp};
}

export type SnippetResult = {
	readonly precision: number;
	readonly recall: number;
	readonly f1: number;
	/** Milliseconds per page: decoding, extraction and the text rendering (the bytes are read first). */
	readonly times: number[];
	readonly errors: Array<{url: string; message: string}>;
	readonly pages: Array<{page: SnippetPage; score: PageScore; text: string | undefined}>;
};

/**
 * What `broadsheet read <page> --format text --width 0` prints, for every page; pages refused count as empty.
 * Times are per page, decoding and extraction, after one untimed pass over every page when `warm` (the JIT warm, as in a session).
 */
export function scoreSnippetCorpus(
	pages = snippetPages(),
	{body = 'auto', warm = true}: {readonly body?: BodyExtractor; readonly warm?: boolean} = {},
): SnippetResult {
	const sources = pages.map((page) => {
		const path = `${snippetCorpusDirectory}pages/${page.file}`;
		return {bytes: readFileSync(path), url: pathToFileURL(path).href};
	});
	const extract = (source: (typeof sources)[number]) => articleToText(articleFromHtml(source.bytes, source.url, {body}));
	for (const source of warm ? sources : []) {
		try {
			extract(source);
		} catch {
			// Refused pages are counted below, in the timed pass.
		}
	}

	const times: number[] = [];
	const errors: SnippetResult['errors'] = [];
	const scored: SnippetResult['pages'] = [];
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const [index, page] of pages.entries()) {
		let text: string | undefined;
		const started = performance.now();
		try {
			text = extract(sources[index]!);
		} catch (error) {
			errors.push({url: page.url, message: (error as Error).message});
		}

		times.push(performance.now() - started);
		const score = scorePage(page, text);
		scored.push({page, score, text});
		tp += score.tp;
		fp += score.fp;
		fn += score.fn;
	}

	return {
		precision: tp + fp ? tp / (tp + fp) : 0,
		recall: tp + fn ? tp / (tp + fn) : 0,
		f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
		times,
		errors,
		pages: scored,
	};
}
