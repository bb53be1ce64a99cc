/**
 * Sync against a real FreshRSS on loopback (../shared/servers/freshrss; needs PHP): the first sync of
 * 10,000 items in 50 feeds, a sync with nothing changed (the command re-reads the subscription list;
 * the reader's repeated syncs within 10 minutes do not), and 1,000 read marks pushed.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Store} from '../../source/store/store.js';
import {readAccount} from '../../source/sync/account.js';
import {syncWithService} from '../../source/sync/sync.js';
import {openSettings} from '../../source/config/settings.js';
import {resolvePaths} from '../../source/config/paths.js';
import {startFreshRss} from '../helpers/freshrss.js';
import {rssFeed, startServer} from '../helpers/programmable-server.js';
import {measure} from './measure.js';
import {ms, printTable} from './stats.js';

const feedCount = 50;
const itemsPerFeed = 200;

export async function benchSync(cli: string): Promise<void> {
	const feeds = await startServer((request, response) => {
		const number = Number(/\/feed-(\d+)\.xml$/.exec(request.url ?? '')?.[1] ?? -1);
		if (number < 0) {
			response.writeHead(404).end();
			return;
		}

		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({title: `Bench feed ${number}`, count: itemsPerFeed, prefix: `f${number}`, bodyBytes: 600}));
	});
	const work = mkdtempSync(join(tmpdir(), 'broadsheet-sync-bench-'));
	const opml = join(work, 'feeds.opml');
	const outlines = Array.from(
		{length: feedCount},
		(_, index) => `<outline type="rss" text="Bench feed ${index}" xmlUrl="${feeds.url(`/feed-${index}.xml`)}"/>`,
	);
	writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>${outlines.join('')}</body></opml>`);
	const fresh = await startFreshRss({opml});
	try {
		const loadStarted = performance.now();
		await fresh.refresh();
		const loadMs = performance.now() - loadStarted;
		const home = join(work, 'home');
		const env = {...process.env, BROADSHEET_HOME: home};
		const login = spawnSync(process.execPath, [cli, 'sync', 'login', fresh.apiUrl, '--user', fresh.user, '--password-stdin'], {
			env,
			input: `${fresh.password}\n`,
			encoding: 'utf8',
		});
		if (login.status !== 0) throw new Error(login.stderr);

		const run = async () => {
			const result = await measure(process.execPath, [cli, 'sync', '--json'], env);
			if (result.code !== 0) throw new Error(result.stderr);
			return {...result, summary: JSON.parse(result.stdout) as {newItems: number; pushed: number; requests: number}};
		};

		const first = await run();
		const unchanged = await run();
		// The reader's own repeated sync, in process: the subscription list read by the sync before stands.
		const paths = resolvePaths(home);
		const store = Store.open(paths.databaseFile);
		const settings = openSettings(paths);
		const readerStarted = performance.now();
		const reader = await syncWithService(store, settings, readAccount(paths)!);
		const readerMs = performance.now() - readerStarted;
		store.setRead(
			store.items({unreadOnly: true, limit: 1000}).map((item) => item.id),
			true,
		);
		store.close();
		const marks = await run();
		printTable(
			`Sync with a real FreshRSS on loopback (${feedCount} feeds × ${itemsPerFeed} items; FreshRSS took ${ms(loadMs)} to fetch them)`,
			['sync', 'wall', 'CPU', 'peak RSS', 'requests', 'result', 'goal'],
			[
				[
					'first sync',
					ms(first.wallMs),
					ms(first.cpuMs),
					`${Math.round(first.peakRssMb)} MB`,
					String(first.summary.requests),
					`${first.summary.newItems} items`,
					'≤ 15 s',
				],
				[
					'nothing changed (broadsheet sync)',
					ms(unchanged.wallMs),
					ms(unchanged.cpuMs),
					`${Math.round(unchanged.peakRssMb)} MB`,
					String(unchanged.summary.requests),
					`${unchanged.summary.newItems} items`,
					'≤ 0.5 s, ≤ 3 requests',
				],
				[
					'nothing changed (the reader, in process)',
					ms(readerMs),
					'',
					'',
					String(reader.requests),
					`${reader.newItems} items`,
					'≤ 0.5 s, ≤ 3 requests',
				],
				[
					'1,000 read marks pushed',
					ms(marks.wallMs),
					ms(marks.cpuMs),
					`${Math.round(marks.peakRssMb)} MB`,
					String(marks.summary.requests),
					`${marks.summary.pushed} pushed`,
					'≤ 3 s',
				],
			],
		);
	} finally {
		await fresh.dispose();
		await feeds.close();
		rmSync(work, {recursive: true, force: true});
	}
}
