import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {buildCli} from '../helpers/build-cli.js';
import {corporaDirectory, fixturesDirectory, seedHost, seedPath} from '../helpers/paths.js';
import {startServer} from '../helpers/programmable-server.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

const run = promisify(execFile);
let cli: string;
let remove: () => void;

test.before(async () => {
	({cli, remove} = await buildCli());
});
test.after.always(() => remove());

test('the bundled CLI reads the seed page', async (t) => {
	const {stdout} = await run(process.execPath, [cli, 'read', `${fixturesDirectory}${seedHost}${seedPath}`, '--width', '0']);
	t.true(stdout.startsWith('Tillerson to Lavrov: Russian meddling led to mistrust\n\n'));
	t.regex(stdout, /\nSource: Al Jazeera, News Agencies\n$/);
	const version = await run(process.execPath, [cli, '--version']);
	t.regex(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('the bundle measures text as the modules do (its string-width is rebuilt lazily), and the bundle still answers --help and unknown flags', async (t) => {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-width-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const page = join(directory, 'page.html');
	const paragraph = '東京の記者会見で「ロシアの干渉が不信を招いた」と述べた 👩‍👩‍👧 e\u0301te\u0301 ＡＢＣ café — “quoted” ★';
	writeFileSync(
		page,
		`<!doctype html><html><head><meta charset="utf-8"><title>幅のテスト 👍🏽</title></head><body><article><h1>幅のテスト 👍🏽</h1>${`<p>${paragraph} ${paragraph}</p>`.repeat(6)}</article></body></html>`,
	);
	const bundled = await run(process.execPath, [cli, 'read', page, '--width', '23']);
	const modules = await runCli(['read', page, '--width', '23']);
	t.is(modules.code, 0, modules.stderr);
	t.true(bundled.stdout.includes('東京の記者会見'));
	t.is(bundled.stdout, modules.stdout);

	const help = await run(process.execPath, [cli, '--help']);
	t.regex(help.stdout, /Usage\n\s+\$ broadsheet /);
	const unknown = await run(process.execPath, [cli, '--bogus']).catch((error: unknown) => error as {code: number; stderr: string});
	t.is((unknown as {code: number}).code, 2);
	t.is((unknown as {stderr: string}).stderr, 'broadsheet: unknown flag --bogus (see broadsheet --help)\n');
});

test('without a terminal, `broadsheet` (launched straight to the reader) and `broadsheet --no-color` (through the flag parser) print a hint and exit 2', async (t) => {
	for (const args of [[], ['--no-color']]) {
		const failure = (await run(process.execPath, [cli, ...args]).catch((error: unknown) => error)) as {
			code: number;
			stderr: string;
			stdout: string;
		};
		t.is(failure.code, 2, args.join(' '));
		t.is(failure.stdout, '');
		t.is(failure.stderr, 'broadsheet: no terminal here: use a command such as `broadsheet refresh` or `broadsheet export` (see --help)\n');
	}
});

test('the bundled CLI refreshes a large feed through its parse worker (dist/parse-worker.js)', async (t) => {
	const podcast = readFileSync(`${corporaDirectory}feeds/rss-parser/test/input/giantbomb-podcast.rss`);
	const server = await startServer((_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml; charset=utf-8'});
		response.end(podcast);
	});
	t.teardown(async () => server.close());
	const home = tempHome(t, [{url: server.url('/podcast')}]);
	const env = {...process.env, BROADSHEET_HOME: home};
	const {stdout} = await run(process.execPath, [cli, 'refresh', '--json'], {env});
	t.like(JSON.parse(stdout), {updated: 1, newItems: 730, failed: 0});
	// A write goes through conf, which the bundle loads from node_modules on first use.
	const added = await run(process.execPath, [cli, 'add', server.url('/another'), '--tag', 'audio'], {env});
	t.regex(added.stdout, /^Subscribed to Giant Bombcast/);
	const feeds = JSON.parse((await run(process.execPath, [cli, 'feeds', '--json'], {env})).stdout) as Array<{tags: string}>;
	t.deepEqual(
		feeds.map((feed) => feed.tags),
		['', 'audio'],
	);
});
