import {chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {seedPath} from '../helpers/paths.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

let server: FixtureServer;
test.before(async () => {
	server = await startFixtureServer();
});
test.after.always(async () => server.close());

const seedFeed = () => server.url('/xml/rss/all.xml');

test('refresh the seed feed, export --full with the seed document, then a second refresh is all 304', async (t) => {
	const home = tempHome(t, [{url: seedFeed(), tags: ['world']}]);
	const first = await runCli(['refresh'], {home});
	t.is(first.code, 0, first.stderr);
	t.is(first.stdout, '', 'quiet on success in a pipe');
	t.is(first.stderr, '');

	const exported = await runCli(['export', '--format', 'json', '--full', '--limit', '1'], {home});
	t.is(exported.code, 0, exported.stderr);
	const data = JSON.parse(exported.stdout) as {
		schema: string;
		version: number;
		items: Array<Record<string, unknown> & {article: {title: string; source: string; links: Array<{related: boolean}>}}>;
	};
	t.is(data.schema, 'broadsheet.items');
	t.is(data.version, 1);
	const [item] = data.items;
	t.is(item!.title, 'Tillerson to Lavrov: Russian meddling led to mistrust');
	t.is(item!.article.title, 'Tillerson to Lavrov: Russian meddling led to mistrust');
	t.is(item!.article.source, 'Al Jazeera, News Agencies');
	t.is(item!.article.links.filter((link) => link.related).length, 4);
	for (const [key, value] of Object.entries(item!)) {
		if (key !== 'article') t.true(value === null || ['string', 'number', 'boolean'].includes(typeof value), key);
	}

	const second = await runCli(['refresh', '--json'], {home});
	t.is(second.code, 0);
	t.like(JSON.parse(second.stdout), {total: 1, notModified: 1, updated: 0, failed: 0});
	t.is((await runCli(['unread'], {home})).stdout, '5\n');
});

test('every export format on the same data', async (t) => {
	const home = tempHome(t, [{url: seedFeed(), title: 'AJE', tags: ['world']}]);
	t.is((await runCli(['refresh'], {home})).code, 0);
	const run = async (format: string, ...more: string[]) => {
		const result = await runCli(['export', '--format', format, ...more], {home});
		t.is(result.code, 0, `${format}: ${result.stderr}`);
		return result.stdout;
	};

	const ndjson = (await run('ndjson')).trimEnd().split('\n');
	t.is(ndjson.length, 5);
	t.like(JSON.parse(ndjson[0]!), {version: 1, title: 'Tillerson to Lavrov: Russian meddling led to mistrust', read: false});

	const csv = (await run('csv')).split('\r\n');
	t.is(csv[0], 'published,feedTitle,title,link,author,categories,read,starred,summary,feedUrl,id');
	t.is(csv.length, 7);
	// The subscription's own title (AJE), not the feed's.
	t.regex(csv[1]!, /^2017-08-07T05:43:02Z,AJE,Tillerson to Lavrov: Russian meddling led to mistrust,http/);

	const markdown = await run('markdown', '--limit', '2');
	t.regex(markdown, /^# Headlines\n/);
	t.regex(markdown, /- \[Tillerson to Lavrov: Russian meddling led to mistrust\]\(<http:\/\/127\.0\.0\.1:\d+\/news\/2017\/08\/tillerson/);

	const html = await run('html');
	t.regex(html, /^<!doctype html>/);
	t.regex(
		html,
		/<a href="http:\/\/127\.0\.0\.1:\d+\/news\/2017\/08\/tillerson[^"]+">Tillerson to Lavrov: Russian meddling led to mistrust<\/a>/,
	);
	t.false(/<script/i.test(html));

	const opml = await run('opml');
	t.regex(
		opml,
		/<outline text="world" title="world">\n\s+<outline type="rss" text="AJE" title="AJE" xmlUrl="http:\/\/127\.0\.0\.1:\d+\/xml\/rss\/all\.xml"\/>/,
	);

	const filtered = JSON.parse(await run('json', '--since', '2017-08-05', '--tag', 'world')) as {items: unknown[]};
	t.is(filtered.items.length, 1);
	const none = JSON.parse(await run('json', '--starred')) as {items: unknown[]};
	t.is(none.items.length, 0);
});

test('--mark-read marks what was exported, --unread then skips it; --output writes the file whole', async (t) => {
	const home = tempHome(t, [{url: seedFeed()}]);
	await runCli(['refresh'], {home});
	const output = join(home, 'out.ndjson');
	const result = await runCli(['export', '--format', 'ndjson', '--limit', '2', '--mark-read', '--output', output], {home});
	t.is(result.code, 0, result.stderr);
	t.is(result.stdout, '');
	t.is(readFileSync(output, 'utf8').trimEnd().split('\n').length, 2);
	t.deepEqual(
		readdirSync(home).filter((name) => name.includes('.tmp')),
		[],
	);
	t.is((await runCli(['unread'], {home})).stdout, '3\n');
	const unread = JSON.parse((await runCli(['export', '--unread'], {home})).stdout) as {items: Array<{read: boolean}>};
	t.is(unread.items.length, 3);
	t.true(unread.items.every((item) => !item.read));
});

test('OPML round trip through our own import, nested outlines becoming tags', async (t) => {
	const home = tempHome(t, [
		{url: 'https://a.example/feed.xml', title: 'A', tags: ['news']},
		{url: 'https://b.example/rss', title: 'B & Co', tags: []},
	]);
	const exported = await runCli(['export', '--format', 'opml'], {home});
	const file = join(home, 'subscriptions.opml');
	writeFileSync(file, exported.stdout);
	const other = tempHome(t);
	const imported = await runCli(['import', file], {home: other});
	t.is(imported.code, 0, imported.stderr);
	t.is(imported.stdout, 'Imported 2 feeds\n');
	const config = JSON.parse(readFileSync(join(other, 'config.json'), 'utf8')) as {subscriptions: unknown[]};
	t.deepEqual(config.subscriptions, [
		{url: 'https://a.example/feed.xml', title: 'A', tags: ['news']},
		{url: 'https://b.example/rss', title: 'B & Co', tags: []},
	]);
	const again = await runCli(['import', file], {home: other});
	t.regex(again.stdout, /^Imported 0 feeds, skipped 2\n {2}skipped https:\/\/a\.example\/feed\.xml: already subscribed\n/);
});

test('import takes only http(s) feeds, dedupes, and says what it skipped', async (t) => {
	const home = tempHome(t);
	const file = join(home, 'in.opml');
	writeFileSync(
		file,
		`<?xml version="1.0"?><opml version="1.0"><body><outline text="Tech"><outline text="One" xmlUrl="https://one.example/rss"/>
		<outline text="Sub"><outline text="Two" xmlUrl="http://two.example/atom"/></outline></outline>
		<outline text="One again" xmlUrl="https://one.example/rss"/><outline text="Bad" xmlUrl="javascript:alert(1)"/><outline text="File" xmlUrl="file:///etc/passwd"/></body></opml>`,
	);
	const result = await runCli(['import', file], {home});
	t.is(result.code, 0);
	t.regex(result.stdout, /^Imported 2 feeds, skipped 3\n/);
	t.regex(result.stdout, /javascript:alert\(1\): not an http\(s\) URL/);
	const config = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as {subscriptions: unknown[]};
	t.deepEqual(config.subscriptions, [
		{url: 'https://one.example/rss', title: 'One', tags: ['Tech']},
		{url: 'http://two.example/atom', title: 'Two', tags: ['Tech', 'Sub']},
	]);
});

test('add a site URL: its <link rel="alternate"> feed is found; remove by title', async (t) => {
	const home = tempHome(t);
	const added = await runCli(['add', server.url(seedPath), '--tag', 'world'], {home});
	t.is(added.code, 0, added.stderr);
	t.is(added.stdout, `Subscribed to Al Jazeera English (${seedFeed()}): 5 items\n`);
	const again = await runCli(['add', seedFeed()], {home});
	t.regex(again.stdout, /^Already subscribed/);
	const feeds = JSON.parse((await runCli(['feeds', '--json'], {home})).stdout) as Array<Record<string, unknown>>;
	t.like(feeds[0], {title: 'Al Jazeera English', url: seedFeed(), tags: 'world', unread: 5, total: 5, lastError: null});
	const removed = await runCli(['remove', 'al jazeera english'], {home});
	t.is(removed.code, 0);
	t.is((await runCli(['unread'], {home})).stdout, '0\n');
	t.is((await runCli(['remove', 'nothing like it'], {home})).code, 2);
});

test('exit codes: 3 when some feeds fail, 1 when all do; failures summarised on stderr', async (t) => {
	const home = tempHome(t, [{url: seedFeed()}, {url: server.url('/_test/status/404')}]);
	const partial = await runCli(['refresh'], {home});
	t.is(partial.code, 3);
	t.is(partial.stdout, '');
	t.regex(partial.stderr, /^broadsheet: 1 of 2 feeds failed:\n {2}http:\/\/127\.0\.0\.1:\d+\/_test\/status\/404: HTTP 404/);
	const allBad = tempHome(t, [{url: server.url('/_test/status/500')}]);
	t.is((await runCli(['refresh'], {home: allBad})).code, 1);
	const feeds = JSON.parse((await runCli(['feeds', '--json'], {home})).stdout) as Array<{lastError: string | null}>;
	t.regex(feeds[1]!.lastError ?? '', /HTTP 404/);
});

test('usage errors exit 2', async (t) => {
	const home = tempHome(t);
	for (const args of [
		['export', '--format', 'pdf'],
		['export', '--since', 'yesterday'],
		['export', '--limit', '0'],
		['add'],
		['refresh', '--feed', 'nope'],
		['import'],
	]) {
		const result = await runCli(args, {home});
		t.is(result.code, 2, args.join(' '));
		t.regex(result.stderr, /^broadsheet: /);
	}
});

test('a closed pipe (| head -1) ends the export quietly', async (t) => {
	const home = tempHome(t, [{url: seedFeed()}]);
	await runCli(['refresh'], {home});
	const {spawn} = await import('node:child_process');
	const {repoDirectory} = await import('../helpers/paths.js');
	const child = spawn('sh', ['-c', `"${process.execPath}" --import tsx cli.tsx export --format ndjson | head -1`], {
		cwd: repoDirectory,
		env: {...process.env, BROADSHEET_HOME: home},
	});
	let stderr = '';
	let stdout = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	const code = await new Promise((resolve) => child.on('close', resolve));
	t.is(code, 0);
	t.is(stdout.split('\n').length, 2);
	t.is(stderr, '');
});

for (const [name, content] of [
	['truncated', '{"subscriptions": [{"url": "https://a.example/f'],
	['empty', ''],
	['schema-violating', '{"concurrency": "lots"}'],
] as const) {
	test(`a ${name} config.json is moved aside, not wiped, and Broadsheet starts with defaults`, async (t) => {
		const home = tempHome(t);
		const config = join(home, 'config.json');
		writeFileSync(config, content);
		chmodSync(config, 0o600);
		const result = await runCli(['feeds', '--json'], {home});
		t.is(result.code, 0, result.stderr);
		t.deepEqual(JSON.parse(result.stdout), []);
		const backups = readdirSync(home).filter((file) => file.startsWith('config.json.corrupt-'));
		t.is(backups.length, 1);
		t.is(readFileSync(join(home, backups[0]!), 'utf8'), content);
		t.is(result.stderr.split('\n').length, 2, 'one line');
		t.true(result.stderr.includes(config) && result.stderr.includes(backups[0]!));
		t.is(statSync(config).mode & 0o777, 0o600);
	});
}

test('a config.json with a BOM is read, not treated as corrupt', async (t) => {
	const home = tempHome(t);
	writeFileSync(join(home, 'config.json'), `\uFEFF${JSON.stringify({subscriptions: [{url: 'https://a.example/f', tags: []}]})}`);
	const result = await runCli(['feeds', '--json'], {home});
	t.is(result.stderr, '');
	t.is((JSON.parse(result.stdout) as unknown[]).length, 1);
});

test('a first run subscribes to nothing it was not asked for: feeds, import and add leave exactly what the user asked', async (t) => {
	const {rmSync} = await import('node:fs');
	const fresh = () => {
		const home = tempHome(t);
		rmSync(join(home, 'config.json'));
		return home;
	};

	const empty = fresh();
	t.deepEqual(JSON.parse((await runCli(['feeds', '--json'], {home: empty})).stdout), []);
	t.true(existsSync(join(empty, 'broadsheet.db')));
	t.is((await runCli(['refresh'], {home: empty})).code, 0, 'an offline first refresh has nothing to fail on');

	const imported = fresh();
	writeFileSync(
		join(imported, 'mine.opml'),
		`<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Seed" xmlUrl="${seedFeed()}"/></body></opml>`,
	);
	t.is((await runCli(['import', join(imported, 'mine.opml')], {home: imported})).code, 0);
	t.deepEqual(
		(JSON.parse((await runCli(['feeds', '--json'], {home: imported})).stdout) as Array<{url: string}>).map((feed) => feed.url),
		[seedFeed()],
	);

	const added = fresh();
	t.is((await runCli(['add', seedFeed()], {home: added})).code, 0);
	t.deepEqual(
		(JSON.parse((await runCli(['feeds', '--json'], {home: added})).stdout) as Array<{url: string}>).map((feed) => feed.url),
		[seedFeed()],
	);
});

test('feeds prints each URL once, with or without a title and an error; counts agree with their nouns', async (t) => {
	const failing = server.url('/_test/status/404');
	const home = tempHome(t, [{url: failing}, {url: seedFeed(), title: 'Mine'}]);
	const refreshed = await runCli(['refresh'], {home});
	t.regex(refreshed.stderr, /^broadsheet: 1 of 2 feeds failed:/);
	const listed = await runCli(['feeds'], {home});
	t.is(listed.code, 0, listed.stderr);
	t.is(listed.stdout.split(failing).length - 1, 1, listed.stdout);
	t.is(listed.stdout.split(seedFeed()).length - 1, 1, listed.stdout);
	t.regex(listed.stdout, /✗ HTTP 404/);
	const again = tempHome(t);
	t.regex((await runCli(['add', seedFeed()], {home: again})).stdout, /: 5 items\n$/);
	writeFileSync(
		join(again, 'one.opml'),
		`<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="x" xmlUrl="${failing}"/></body></opml>`,
	);
	t.is((await runCli(['import', join(again, 'one.opml')], {home: again})).stdout, 'Imported 1 feed\n');
});

test('the user’s own title for a feed is what lists and exports show, from add and from edit, at once', async (t) => {
	const home = tempHome(t);
	t.is((await runCli(['add', seedFeed(), '--title', 'My World'], {home})).code, 0);
	const titles = async () =>
		new Set(
			(await runCli(['export', '--format', 'ndjson'], {home})).stdout
				.trimEnd()
				.split('\n')
				.map((line) => (JSON.parse(line) as {feedTitle: string}).feedTitle),
		);
	t.deepEqual(await titles(), new Set(['My World']));
	t.is((await runCli(['refresh'], {home})).code, 0);
	t.deepEqual(await titles(), new Set(['My World']), 'a refresh does not bring the feed’s own title back');
	t.is((await runCli(['edit', seedFeed(), '--title', 'Renamed'], {home})).code, 0);
	t.deepEqual(await titles(), new Set(['Renamed']));
	t.regex((await runCli(['export', '--format', 'markdown'], {home})).stdout, /Renamed/);
	t.is((await runCli(['edit', seedFeed(), '--title', ''], {home})).code, 0);
	t.deepEqual(await titles(), new Set(['Al Jazeera English']), 'without one, the feed’s own title');
});
