import test from 'ava';
import {blockText} from '../../source/articles/document.js';
import {extractArticle} from '../../source/articles/extract.js';
import {htmlToPlainText} from '../../source/text/html-text.js';
import {englishNewsPages, readabilityPageUrl, readNewsPage} from '../helpers/news-pages.js';

/** Word tokens, lower-cased, as a multiset. */
function tokens(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
	return counts;
}

function overlap(ours: string, theirs: string): {precision: number; recall: number; f1: number} {
	const a = tokens(ours);
	const b = tokens(theirs);
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

// Floors measured on this corpus (see the issue note): every page, and the mean.
const pageFloor = 0.85;
const meanFloor = 0.97;

test('body text overlaps Readability’s expected output on the 21 English news pages', (t) => {
	const scores: number[] = [];
	for (const name of englishNewsPages) {
		const {source, expected} = readNewsPage(name);
		const document = extractArticle(source, readabilityPageUrl);
		const ours = [document.standfirst ?? '', document.image?.caption ?? '', ...document.blocks.map((block) => blockText(block))].join('\n');
		const score = overlap(ours, htmlToPlainText(expected));
		scores.push(score.f1);
		t.log(`${name.padEnd(26)} F1 ${score.f1.toFixed(3)}  precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}`);
		t.true(score.f1 >= pageFloor, `${name}: F1 ${score.f1.toFixed(3)} under ${pageFloor}`);
	}

	const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
	t.log(`mean F1 ${mean.toFixed(3)}`);
	t.true(mean >= meanFloor, `mean F1 ${mean.toFixed(3)} under ${meanFloor}`);
});
