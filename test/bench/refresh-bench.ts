import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {repoDirectory} from '../helpers/paths.js';
import {type FarmOptions, startFeedFarm} from './feed-farm.js';
import {measure, type Measurement} from './measure.js';
import {median, printTable} from './stats.js';

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const cli = join(repoDirectory, 'dist/cli.js');

type Corpus = {name: string; feeds: number; itemsPerFeed: number; farm: FarmOptions; coldTarget: string};

/** The corpora of `npm run bench -- refresh`; BENCH_CORPORA=rich-50-one,… picks some by name. */
const corpora: Corpus[] = [
	{name: 'light-100', feeds: 500, itemsPerFeed: 100, farm: {shape: 'light', hosts: 64}, coldTarget: '≤ 0.2× newsboat, ≤ 300 MB'},
	{name: 'rich-50', feeds: 500, itemsPerFeed: 50, farm: {shape: 'rich', hosts: 64}, coldTarget: '≤ 0.15× newsboat, ≤ 200 MB'},
	{name: 'rich-50-one', feeds: 500, itemsPerFeed: 50, farm: {shape: 'rich', hosts: 1}, coldTarget: '≤ 0.15× newsboat, ≤ 200 MB'},
	{name: 'rich-100', feeds: 500, itemsPerFeed: 100, farm: {shape: 'rich', hosts: 64}, coldTarget: '≤ 0.12× newsboat, ≤ 200 MB'},
	{name: 'rich-100-one', feeds: 500, itemsPerFeed: 100, farm: {shape: 'rich', hosts: 1}, coldTarget: '≤ 0.12× newsboat, ≤ 200 MB'},
];

/** Medians of `runs` measurements (wall, CPU and peak RSS each on its own); fails loudly on a failed run. */
async function repeat(label: string, count: number, run: () => Promise<Measurement>): Promise<Measurement> {
	const results: Measurement[] = [];
	for (let index = 0; index < count; index++) {
		const result = await run();
		if (result.code !== 0) throw new Error(`${label} failed (${result.code}): ${result.stderr}`);
		results.push(result);
	}

	return {
		...results.at(-1)!,
		wallMs: median(results.map((result) => result.wallMs)),
		cpuMs: median(results.map((result) => result.cpuMs)),
		peakRssMb: median(results.map((result) => result.peakRssMb)),
	};
}

/** A Broadsheet home subscribed to `urls`, with optional settings. */
function makeHome(directory: string, urls: readonly string[], settings: Record<string, unknown> = {}): string {
	rmSync(directory, {recursive: true, force: true});
	mkdirSync(directory, {recursive: true});
	writeFileSync(join(directory, 'config.json'), JSON.stringify({...settings, subscriptions: urls.map((url) => ({url, tags: []}))}));
	return directory;
}

const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const load = () =>
	loadavg()
		.map((value) => value.toFixed(2))
		.join(' ');

/** Broadsheet against newsboat (when installed) on the same feeds, same run, same machine. */
export async function benchRefresh(): Promise<void> {
	const only = process.env['BENCH_CORPORA']?.split(',');
	for (const corpus of corpora.filter((corpus) => !only || only.includes(corpus.name))) await benchCorpus(corpus);
}

async function benchCorpus(corpus: Corpus): Promise<void> {
	const farm = await startFeedFarm(corpus.feeds, corpus.itemsPerFeed, corpus.farm);
	const work = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
	try {
		const home = join(work, 'broadsheet');
		const env = {...process.env, BROADSHEET_HOME: home};
		const loadBefore = load();
		const ours = {
			cold: await repeat('cold refresh', runs, async () => {
				makeHome(home, farm.urls);
				return measure(process.execPath, [cli, 'refresh'], env);
			}),
			warm: await repeat('all-304 refresh', runs, async () => measure(process.execPath, [cli, 'refresh'], env)),
			unread: await repeat('unread', runs, async () => measure(process.execPath, [cli, 'unread'], env)),
			feeds: await repeat('feeds', runs, async () => measure(process.execPath, [cli, 'feeds'], env)),
			ndjson: await repeat('export ndjson', runs, async () =>
				measure(process.execPath, [cli, 'export', '--format', 'ndjson', '--output', join(work, 'out.ndjson')], env),
			),
			json: await repeat('export json', runs, async () =>
				measure(process.execPath, [cli, 'export', '--format', 'json', '--output', join(work, 'out.json')], env),
			),
		};
		const unreadCount = ours.unread.stdout.trim();
		const theirs = existsSync('/usr/bin/newsboat') ? await benchNewsboat(work, farm.urls) : undefined;
		const row = (label: string, mine: Measurement, other: Measurement | undefined, target: string) => [
			label,
			seconds(mine.wallMs),
			seconds(mine.cpuMs),
			`${mine.peakRssMb.toFixed(0)} MB`,
			other ? seconds(other.wallMs) : '—',
			other ? seconds(other.cpuMs) : '—',
			other ? `${other.peakRssMb.toFixed(0)} MB` : '—',
			other ? `${(mine.wallMs / other.wallMs).toFixed(3)}×` : '—',
			target,
		];
		const items = corpus.feeds * corpus.itemsPerFeed;
		printTable(
			`Refresh and queries, ${corpus.name}: ${corpus.feeds} feeds × ${corpus.itemsPerFeed} ${corpus.farm.shape} items ` +
				`(${(farm.bytes / 1e6).toFixed(0)} MB of XML, gzip, on ${corpus.farm.hosts} loopback host${corpus.farm.hosts === 1 ? '' : 's'}; ` +
				`${unreadCount} unread). Medians of ${runs} runs; load average ${loadBefore} → ${load()}` +
				(theirs ? '; newsboat 2.21 with reload-threads 8 in the same run' : ''),
			['step', 'wall', 'CPU', 'peak RSS', 'newsboat wall', 'newsboat CPU', 'newsboat RSS', 'ratio', 'target'],
			[
				row('cold refresh', ours.cold, theirs?.cold, corpus.coldTarget),
				row('refresh, nothing changed (all 304)', ours.warm, theirs?.warm, '≤ 0.5 s'),
				row('unread count', ours.unread, theirs?.unread, '≤ 0.2× newsboat'),
				row('feeds (list with counts)', ours.feeds, undefined, ''),
				row(`export --format ndjson (${items.toLocaleString('en')} items)`, ours.ndjson, undefined, '≤ 1.5 s, ≤ 120 MB'),
				row(`export --format json (${items.toLocaleString('en')} items)`, ours.json, undefined, '≤ 1.5 s, ≤ 120 MB'),
			],
		);
	} finally {
		await farm.close();
		rmSync(work, {recursive: true, force: true});
	}
}

async function benchNewsboat(work: string, urls: string[]) {
	const directory = join(work, 'newsboat');
	const args = ['-u', join(directory, 'urls'), '-c', join(directory, 'cache.db'), '-C', join(directory, 'config')];
	const env = {...process.env, HOME: directory, XDG_CONFIG_HOME: directory, XDG_DATA_HOME: directory};
	const cold = await repeat('newsboat reload', runs, async () => {
		rmSync(directory, {recursive: true, force: true});
		mkdirSync(directory);
		writeFileSync(join(directory, 'urls'), urls.join('\n') + '\n');
		writeFileSync(join(directory, 'config'), 'reload-threads 8\n');
		return measure('/usr/bin/newsboat', [...args, '-x', 'reload'], env);
	});
	const warm = await repeat('newsboat reload (all 304)', runs, async () => measure('/usr/bin/newsboat', [...args, '-x', 'reload'], env));
	const unread = await repeat('newsboat print-unread', runs, async () =>
		measure('/usr/bin/newsboat', [...args, '-x', 'print-unread'], env),
	);
	return {cold, warm, unread};
}

/**
 * `npm run bench -- per-host`: one site's 500 rich feeds refreshed with 2, 4 and 6 connections to
 * that host (the global limit stays), to choose the default by measurement.
 */
export async function benchPerHost(): Promise<void> {
	const farm = await startFeedFarm(500, 50, {shape: 'rich', hosts: 1});
	const work = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
	try {
		const home = join(work, 'broadsheet');
		const env = {...process.env, BROADSHEET_HOME: home};
		const rows: string[][] = [];
		for (const perHostConcurrency of [2, 4, 6, 8]) {
			const result = await repeat(`cold refresh, ${perHostConcurrency} per host`, runs, async () => {
				makeHome(home, farm.urls, {perHostConcurrency});
				return measure(process.execPath, [cli, 'refresh'], env);
			});
			rows.push([String(perHostConcurrency), seconds(result.wallMs), seconds(result.cpuMs), `${result.peakRssMb.toFixed(0)} MB`]);
		}

		printTable(
			`Connections per host: cold refresh of 500 × 50 rich items from one loopback host, medians of ${runs} runs (load ${load()})`,
			['per host', 'wall', 'CPU', 'peak RSS'],
			rows,
		);
	} finally {
		await farm.close();
		rmSync(work, {recursive: true, force: true});
	}
}
