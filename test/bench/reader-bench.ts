import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {TmuxSession} from '../helpers/tmux.js';
import {startFeedFarm} from './feed-farm.js';
import {measure} from './measure.js';
import {median, ms, percentile, printTable} from './stats.js';

const feeds = Number(process.env['BENCH_FEEDS'] ?? 500);
const itemsPerFeed = Number(process.env['BENCH_ITEMS'] ?? 100);
const runs = Number(process.env['BENCH_READER_RUNS'] ?? 5);
const size = {width: 120, height: 40};

/**
 * The reader in a real terminal (tmux, 120×40) over a store of 50,000 items: process start to the
 * first painted headline list, keypress-to-frame latency (timed inside the process from the key's
 * arrival to Ink's frame), peak RSS; and newsboat's first screen on the same feeds when installed.
 */
export async function benchReader(cli: string): Promise<void> {
	if (!(await TmuxSession.available())) {
		console.log('\n(reader benchmark skipped: tmux is not installed)');
		return;
	}

	const farm = await startFeedFarm(feeds, itemsPerFeed);
	const work = mkdtempSync(join(tmpdir(), 'broadsheet-reader-bench-'));
	try {
		const home = join(work, 'home');
		mkdirSync(home);
		writeFileSync(
			join(home, 'config.json'),
			JSON.stringify({subscriptions: farm.urls.map((url) => ({url, tags: []})), refreshIntervalMinutes: 0}),
		);
		const filled = await measure(process.execPath, [cli, 'refresh'], {...process.env, BROADSHEET_HOME: home});
		if (filled.code !== 0) throw new Error(`refresh failed: ${filled.stderr}`);

		const firstScreens: number[] = [];
		const firstPaints: number[] = [];
		const firstFrames: number[] = [];
		const listLatency: number[] = [];
		const scrollLatency: number[] = [];
		const peaks: number[] = [];
		for (let run = 0; run < runs; run++) {
			const trace = join(work, `trace-${run}.txt`);
			const rss = join(work, `rss-${run}.txt`);
			const session = new TmuxSession();
			firstScreens.push(
				await session.timeUntil(
					`env BROADSHEET_HOME='${home}' BROADSHEET_TRACE='${trace}' TERM=xterm-256color /usr/bin/time -f %M -o '${rss}' '${process.execPath}' '${cli}'; sleep 30`,
					size,
					(screen) => /● f\d+ \d+/.test(screen),
				),
			);
			await waitForFile(trace, (text) => text.includes('\nframe '));
			const events = readFileSync(trace, 'utf8').split('\n');
			const timeOf = (kind: string) => Number(events.find((line) => line.startsWith(`${kind} `))?.split(' ')[1]);
			firstPaints.push(timeOf('paint'));
			firstFrames.push(timeOf('frame'));
			if (process.env['BENCH_VERBOSE'])
				console.log(
					`run ${run}: first paint ${firstPaints.at(-1)} ms, first Ink frame ${firstFrames.at(-1)} ms, seen ${firstScreens.at(-1)!.toFixed(0)} ms`,
				);
			if (run === 0) {
				// Moving in the list, then scrolling the long article.
				for (let press = 0; press < 40; press++) await session.keys(press < 20 ? 'j' : 'k');
				await session.keys('g', 'Tab', 'j', 'j', 'Enter', 'Enter');
				await session.waitFor((screen) => screen.includes('A very long report'), 'the long article', 20_000);
				const listKeys = keyLatencies(readFileSync(trace, 'utf8'));
				listLatency.push(...listKeys.slice(0, 40));
				const before = listKeys.length;
				for (let press = 0; press < 60; press++) await session.keys(press % 10 === 9 ? 'Space' : 'j');
				await new Promise((resolve) => setTimeout(resolve, 200));
				scrollLatency.push(...keyLatencies(readFileSync(trace, 'utf8')).slice(before + 5));
			}

			await session.keys('Escape', 'q');
			await waitForFile(rss);
			peaks.push(Number(readFileSync(rss, 'utf8').trim().split('\n').at(-1)) / 1024);
			await session.kill();
		}

		const newsboat = existsSync('/usr/bin/newsboat') ? await newsboatFirstScreen(work, farm.urls) : undefined;
		// What the measuring itself costs: tmux starting a shell that prints one word.
		const harness: number[] = [];
		for (let run = 0; run < runs; run++) {
			const session = new TmuxSession();
			harness.push(await session.timeUntil(`printf 'ready'; sleep 30`, size, (screen) => screen.includes('ready')));
			await session.kill();
		}

		const timing = (label: string, values: number[], target = '') => [
			label,
			ms(median(values)),
			ms(percentile(values, 95)),
			'',
			'',
			target,
		];
		const rows = [
			timing('(harness: a shell’s printf reaches the screen)', harness, 'in both columns'),
			timing('headlines painted from the store, timed inside the process', firstPaints),
			timing('first Ink frame (keys handled from here), inside the process', firstFrames),
			[
				'first screen (process start → headlines painted)',
				ms(median(firstScreens)),
				ms(percentile(firstScreens, 95)),
				newsboat ? ms(median(newsboat)) : '—',
				newsboat ? `${(median(firstScreens) / median(newsboat)).toFixed(2)}×` : '—',
				'≤ 0.5× newsboat',
			],
			timing('keypress → frame, moving in the list', listLatency, '≤ 16 ms median'),
			timing('keypress → frame, scrolling a 2,000-line article', scrollLatency, '≤ 16 ms median'),
			['peak RSS', `${median(peaks).toFixed(0)} MB`, `${Math.max(...peaks).toFixed(0)} MB`, '', '', '≤ 150 MB'],
		];
		printTable(
			`The reader in tmux ${size.width}×${size.height}, ${feeds * itemsPerFeed} items, ${runs} starts${newsboat ? ', against newsboat 2.21 (cache ANALYZEd)' : ''}`,
			['measure', 'median', 'p95 / max', 'newsboat', 'ratio', 'target'],
			rows,
		);
	} finally {
		await farm.close();
		rmSync(work, {recursive: true, force: true});
	}
}

/** Milliseconds from each key's arrival to the next frame Ink drew. */
function keyLatencies(trace: string): number[] {
	const events = trace
		.trim()
		.split('\n')
		.map((line) => line.split(' '))
		.map(([kind, time]) => ({kind, time: Number(time)}));
	const latencies: number[] = [];
	for (const [index, event] of events.entries()) {
		if (event.kind !== 'key') continue;
		const frame = events.slice(index + 1).find((next) => next.kind === 'frame');
		if (frame) latencies.push(frame.time - event.time);
	}

	return latencies;
}

async function newsboatFirstScreen(work: string, urls: string[]): Promise<number[]> {
	const directory = join(work, 'newsboat');
	mkdirSync(directory);
	writeFileSync(join(directory, 'urls'), urls.join('\n') + '\n');
	writeFileSync(join(directory, 'config'), 'reload-threads 8\n');
	const args = ['-u', join(directory, 'urls'), '-c', join(directory, 'cache.db'), '-C', join(directory, 'config')];
	const env = {...process.env, HOME: directory};
	await measure('/usr/bin/newsboat', [...args, '-x', 'reload'], env);
	// Without ANALYZE newsboat's item query picks an index that matches every row (~40 s here).
	spawnSync('sqlite3', [join(directory, 'cache.db'), 'ANALYZE']);
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const session = new TmuxSession();
		times.push(
			await session.timeUntil(
				`env HOME='${directory}' TERM=xterm-256color /usr/bin/newsboat ${args.map((arg) => `'${arg}'`).join(' ')}; sleep 30`,
				size,
				(screen) => /Synthetic feed \d+/.test(screen),
				120_000,
			),
		);
		await session.keys('q');
		await session.kill();
	}

	return times;
}

async function waitForFile(path: string, ready = (text: string) => text.trim() !== ''): Promise<void> {
	for (let tries = 0; tries < 100 && !(existsSync(path) && ready(readFileSync(path, 'utf8'))); tries++) {
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
