import test from 'ava';
import {extractArticle} from '../../source/articles/extract.js';
import {englishNewsPages, overlapWithExpected, readabilityPageUrl, readNewsPage} from '../helpers/news-pages.js';

// Floors measured on this corpus (see the issue note): every page, and the mean.
const pageFloor = 0.85;
const meanFloor = 0.97;

test('body text overlaps Readability’s expected output on the 21 English news pages', (t) => {
	const scores: number[] = [];
	for (const name of englishNewsPages) {
		const {source, expected} = readNewsPage(name);
		const score = overlapWithExpected(extractArticle(source, readabilityPageUrl), expected);
		scores.push(score.f1);
		t.log(`${name.padEnd(26)} F1 ${score.f1.toFixed(3)}  precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}`);
		t.true(score.f1 >= pageFloor, `${name}: F1 ${score.f1.toFixed(3)} under ${pageFloor}`);
	}

	const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
	t.log(`mean F1 ${mean.toFixed(3)}`);
	t.true(mean >= meanFloor, `mean F1 ${mean.toFixed(3)} under ${meanFloor}`);
});
