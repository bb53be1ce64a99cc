import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {repoDirectory} from '../helpers/paths.js';
import {startFeedFarm} from './feed-farm.js';
import {measure, type Measurement} from './measure.js';
import {printTable} from './stats.js';

const feeds = Number(process.env['BENCH_FEEDS'] ?? 500);
const itemsPerFeed = Number(process.env['BENCH_ITEMS'] ?? 100);

/** Broadsheet against newsboat (when installed) on the same synthetic feeds, same run, same machine. */
export async function benchRefresh(): Promise<void> {
	const farm = await startFeedFarm(feeds, itemsPerFeed);
	const work = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
	try {
		const home = join(work, 'broadsheet');
		writeFileSync(join(work, 'config.json'), '');
		const {mkdirSync} = await import('node:fs');
		mkdirSync(home);
		writeFileSync(join(home, 'config.json'), JSON.stringify({subscriptions: farm.urls.map((url) => ({url, tags: []}))}));
		const env = {...process.env, BROADSHEET_HOME: home};
		const cli = join(repoDirectory, 'dist/cli.js');
		const ours = {
			cold: await measure(process.execPath, [cli, 'refresh'], env),
			warm: await measure(process.execPath, [cli, 'refresh'], env),
			unread: await measure(process.execPath, [cli, 'unread'], env),
			ndjson: await measure(process.execPath, [cli, 'export', '--format', 'ndjson', '--output', join(work, 'out.ndjson')], env),
		};
		for (const [name, result] of Object.entries(ours))
			if (result.code !== 0) throw new Error(`broadsheet ${name} failed: ${result.stderr}`);
		const unreadCount = ours.unread.stdout.trim();

		const theirs = existsSync('/usr/bin/newsboat') ? await benchNewsboat(work, farm.urls) : undefined;
		const row = (label: string, mine: Measurement, other: Measurement | undefined, target: string) => [
			label,
			`${(mine.wallMs / 1000).toFixed(2)} s`,
			`${(mine.cpuMs / 1000).toFixed(2)} s`,
			`${mine.peakRssMb.toFixed(0)} MB`,
			other ? `${(other.wallMs / 1000).toFixed(2)} s` : '—',
			other ? `${other.peakRssMb.toFixed(0)} MB` : '—',
			other ? `${(mine.wallMs / other.wallMs).toFixed(2)}×` : '—',
			target,
		];
		printTable(
			`Refresh and queries: ${feeds} feeds × ${itemsPerFeed} items on loopback (${unreadCount} unread)${theirs ? ', against newsboat 2.21 (reload-threads 8)' : ''}`,
			['step', 'wall', 'CPU', 'peak RSS', 'newsboat wall', 'newsboat RSS', 'ratio', 'target'],
			[
				row('cold refresh', ours.cold, theirs?.cold, '≤ 0.2× newsboat, ≤ 300 MB'),
				row('second refresh (all 304)', ours.warm, theirs?.warm, '≤ 1 s'),
				row('unread count', ours.unread, theirs?.unread, '≤ 0.2× newsboat'),
				row('export --format ndjson (all items)', ours.ndjson, undefined, '≤ 1.5 s'),
			],
		);
	} finally {
		await farm.close();
		rmSync(work, {recursive: true, force: true});
	}
}

async function benchNewsboat(work: string, urls: string[]) {
	const directory = join(work, 'newsboat');
	const {mkdirSync} = await import('node:fs');
	mkdirSync(directory);
	writeFileSync(join(directory, 'urls'), urls.join('\n') + '\n');
	writeFileSync(join(directory, 'config'), 'reload-threads 8\n');
	const args = ['-u', join(directory, 'urls'), '-c', join(directory, 'cache.db'), '-C', join(directory, 'config')];
	const env = {...process.env, HOME: directory, XDG_CONFIG_HOME: directory, XDG_DATA_HOME: directory};
	const cold = await measure('/usr/bin/newsboat', [...args, '-x', 'reload'], env);
	const warm = await measure('/usr/bin/newsboat', [...args, '-x', 'reload'], env);
	const unread = await measure('/usr/bin/newsboat', [...args, '-x', 'print-unread'], env);
	if (cold.code !== 0) throw new Error(`newsboat failed: ${cold.stderr}`);
	return {cold, warm, unread};
}
