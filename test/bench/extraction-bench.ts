/**
 * Article extraction as the published CLI runs it: quality on the annotated snippet corpus
 * (corpora/articles/trafilatura, scored as ../shared/tools/snippet-score.py scores it) for our
 * chooser and for each body extractor alone, the Readability corpus as a regression floor, and
 * milliseconds per page. The code is bundled with dist/'s dependency edits first (linkedom's lazy
 * listener maps among them), two directories below the repository so that test paths still resolve.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {dependencyEdits} from '../../.ci/dependency-edits.js';
import {repoDirectory} from '../helpers/paths.js';
import type * as ExtractionEntry from './extraction-entry.js';
import {median, ms, percentile, printTable} from './stats.js';

type Entry = typeof ExtractionEntry;

const {version} = JSON.parse(readFileSync(join(repoDirectory, 'package.json'), 'utf8')) as {version: string};

async function bundledEntry(): Promise<Entry> {
	const outfile = join(repoDirectory, 'node_modules/.broadsheet-bench/extraction.js');
	await build({
		absWorkingDir: repoDirectory,
		entryPoints: ['test/bench/extraction-entry.ts'],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node22.13',
		// The bundle sits two directories below the repository, where version.ts cannot find package.json.
		define: {'process.env.NODE_ENV': '"production"', BROADSHEET_VERSION: JSON.stringify(version)},
		plugins: dependencyEdits,
		banner: {js: "import {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);"},
		logLevel: 'warning',
	});
	return (await import(pathToFileURL(outfile).href)) as Entry;
}

const fixed = (value: number) => value.toFixed(3);

export async function benchExtraction(): Promise<void> {
	const entry = await bundledEntry();
	const pages = entry.snippetPages();
	const rows: string[][] = [];
	for (const body of ['auto', 'readability', 'own'] as const) {
		const result = entry.scoreSnippetCorpus(pages, {body});
		const times = result.times;
		rows.push([
			body === 'auto' ? 'Broadsheet (chooser)' : body === 'own' ? 'our extractor alone' : 'Readability alone',
			fixed(result.f1),
			fixed(result.precision),
			fixed(result.recall),
			String(result.errors.length),
			ms(median(times)),
			ms(percentile(times, 95)),
			ms(Math.max(...times)),
		]);
	}

	printTable(
		`Article extraction, ${pages.length} annotated pages (snippet F1; trafilatura's CI floors 0.920 fast, 0.925 with fallbacks; goal F1 ≥ 0.94, precision ≥ 0.92, median ≤ 15 ms, p95 ≤ 60 ms, max < 2 s)`,
		['extractor', 'F1', 'precision', 'recall', 'refused', 'median', 'p95', 'max'],
		rows,
	);

	const floor: string[][] = [];
	const scores: number[] = [];
	const times: number[] = [];
	for (const name of entry.englishNewsPages) {
		const {source, expected} = entry.readNewsPage(name);
		entry.extractArticle(source, entry.readabilityPageUrl);
		const started = performance.now();
		const document = entry.extractArticle(source, entry.readabilityPageUrl);
		times.push(performance.now() - started);
		const score = entry.overlapWithExpected(document, expected);
		scores.push(score.f1);
		if (score.f1 < 0.95) floor.push([name, fixed(score.f1), fixed(score.precision), fixed(score.recall)]);
	}

	const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
	floor.push([`mean of ${scores.length} pages (floor 0.97; lowest ${fixed(Math.min(...scores))})`, fixed(mean), '', '']);
	printTable(
		`Readability corpus, English news pages: word overlap with Readability's expected output, a regression floor (pages under 0.95 listed); median ${ms(median(times))} a page`,
		['page', 'F1', 'precision', 'recall'],
		floor,
	);
}
