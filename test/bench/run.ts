/**
 * `npm run bench`: timings that matter to users, printed as tables (never asserted in tests).
 *   - article extraction: snippet F1 on 990 annotated pages per extractor, the Readability corpus floor, ms per page
 *   - feed parsing throughput on the largest corpus feeds (items/s)
 *   - process start-up to first output for `broadsheet read` (bundled CLI, saved page)
 *   - refresh, unread, feeds and export over light and full-text (rich) corpora, on 64 hosts and on one,
 *     against newsboat when installed; connections per host compared (per-host)
 *   - sync with a real FreshRSS on loopback: first sync of 10,000 items, nothing changed, 1,000 marks pushed
 *   - key quotes: speaker precision and recall on hand-labelled pages
 *   - one story once: story-group precision and recall on labelled feeds, and the grouping pass's cost
 * `npm run bench -- refresh` runs one part (extract, feeds, startup, refresh, per-host, reader, sync, quotes, stories).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {parseFeed} from '../../source/feeds/parse.js';
import {decodeBody} from '../../source/net/charset.js';
import {corporaDirectory, fixturesDirectory, repoDirectory, seedHost, seedPath} from '../helpers/paths.js';
import {benchExtraction} from './extraction-bench.js';
import {benchReader} from './reader-bench.js';
import {benchSync} from './sync-bench.js';
import {benchStories} from './stories-bench.js';
import {scoreSpeakers} from '../helpers/quote-speakers.js';
import {benchPerHost, benchRefresh} from './refresh-bench.js';
import {median, ms, percentile, printTable} from './stats.js';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 15);

async function benchFeeds(): Promise<void> {
	const files = [
		'rss-parser/test/input/giantbomb-podcast.rss',
		'pretty-parser-2016/thehindu.xml',
		'rss-parser/test/input/itunes-missing-image.rss',
		'pretty-parser-2016/theguardian_world.xml',
		'rsparser/Tests/RSParserTests/Resources/DaringFireball.json',
	];
	const rows: string[][] = [];
	for (const file of files) {
		const path = join(corporaDirectory, 'feeds', file);
		const {text} = decodeBody(readFileSync(path), undefined, 'xml');
		await parseFeed(text, 'https://bench.example/feed');
		const times: number[] = [];
		let items = 0;
		for (let round = 0; round < rounds; round++) {
			const started = performance.now();
			items = (await parseFeed(text, 'https://bench.example/feed')).items.length;
			times.push(performance.now() - started);
		}

		const time = median(times);
		rows.push([
			file.split('/').pop()!,
			`${Math.round(statSync(path).size / 1024)} KiB`,
			String(items),
			ms(time),
			`${Math.round((items / time) * 1000).toLocaleString('en')}`,
		]);
	}

	printTable('Feed parsing (decoded text → items), median', ['feed', 'size', 'items', 'time', 'items/s'], rows);
}

function benchStartup(): void {
	const cli = join(repoDirectory, 'dist/cli.js');
	const page = `${fixturesDirectory}${seedHost}${seedPath}`;
	if (!existsSync(cli)) throw new Error('build failed');
	const measure = (args: string[]) => {
		spawnSync(process.execPath, [cli, ...args]); // Fills the compile cache.
		const times: number[] = [];
		for (let round = 0; round < rounds; round++) {
			const started = performance.now();
			const child = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8'});
			times.push(performance.now() - started);
			if (child.status !== 0) throw new Error(child.stderr);
		}

		return times;
	};

	const bare = (() => {
		const times: number[] = [];
		for (let round = 0; round < rounds; round++) {
			const started = performance.now();
			spawnSync(process.execPath, ['-e', '0']);
			times.push(performance.now() - started);
		}

		return times;
	})();
	const version = measure(['--version']);
	const read = measure(['read', page, '--width', '0']);
	printTable(
		`Start-up of the bundled CLI (dist/cli.js), ${rounds} runs`,
		['command', 'median', 'p95'],
		[
			['node -e 0 (Node itself)', ms(median(bare)), ms(percentile(bare, 95))],
			['broadsheet --version', ms(median(version)), ms(percentile(version, 95))],
			['broadsheet read <seed page file>', ms(median(read)), ms(percentile(read, 95))],
		],
	);
}

console.log(`broadsheet bench · node ${process.version} · ${new Date().toISOString()}`);
// Every part that runs the CLI runs this build of it.
execFileSync(process.execPath, ['--import', 'tsx', '.ci/build.ts'], {cwd: repoDirectory, stdio: 'ignore'});
/** Who said what: speaker precision and recall on the hand-labelled pages (test/fixtures/quote-speakers.json). */
function benchQuotes(): void {
	const names = {pages: 'development pages', heldOut: 'held-out pages (looked at once)', fresh: 'fresh pages (never used to tune)'};
	const rows = (['pages', 'heldOut', 'fresh'] as const).map((set) => {
		const score = scoreSpeakers(set);
		return [
			names[set],
			String(score.pages),
			String(score.labelled),
			score.precision.toFixed(3),
			score.recall.toFixed(3),
			score.accuracy.toFixed(3),
		];
	});
	printTable(
		'Key quotes: speakers (goal: precision ≥ 0.90 at recall ≥ 0.85)',
		['set', 'pages', 'quotations', 'precision', 'recall', 'all right'],
		rows,
	);
}

const only = process.argv[2];
if (!only || only === 'extract') await benchExtraction();
if (!only || only === 'feeds') await benchFeeds();
if (!only || only === 'startup') benchStartup();
if (!only || only === 'refresh') await benchRefresh();
if (!only || only === 'per-host') await benchPerHost();
if (!only || only === 'reader') await benchReader(join(repoDirectory, 'dist/cli.js'));
if (!only || only === 'sync') await benchSync(join(repoDirectory, 'dist/cli.js'));
if (!only || only === 'quotes') benchQuotes();
if (!only || only === 'stories') await benchStories();
