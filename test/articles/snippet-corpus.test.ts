import test from 'ava';
import {scoreSnippetCorpus} from '../helpers/snippet-corpus.js';

// Floors a little under what `npm run bench -- extract` measured (F1 0.910, precision 0.895, recall 0.926,
// 5 pages refused): extraction may get better, never quietly worse.
const floors = {f1: 0.905, precision: 0.89, recall: 0.92, refused: 5};

test('snippet F1 on the 990 annotated pages stays above its floor', (t) => {
	// About 20 s alone; longer beside the rest of the suite on two cores.
	t.timeout(240_000);
	const result = scoreSnippetCorpus(undefined, {warm: false});
	t.log(
		`F1 ${result.f1.toFixed(3)} precision ${result.precision.toFixed(3)} recall ${result.recall.toFixed(3)}, ${result.errors.length} refused`,
	);
	t.true(result.f1 >= floors.f1, `F1 ${result.f1.toFixed(3)}`);
	t.true(result.precision >= floors.precision, `precision ${result.precision.toFixed(3)}`);
	t.true(result.recall >= floors.recall, `recall ${result.recall.toFixed(3)}`);
	t.true(result.errors.length <= floors.refused, result.errors.map((error) => error.url).join(', '));
});
