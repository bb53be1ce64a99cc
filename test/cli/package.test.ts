import {execFile} from 'node:child_process';
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {fixturesDirectory, repoDirectory, seedHost, seedPath} from '../helpers/paths.js';
import {startServer} from '../helpers/programmable-server.js';
import {tempHome} from '../helpers/temp-home.js';

const run = promisify(execFile);
/** npm as the test runner found it (npm sets npm_execpath), run by this Node. */
const npmCli = process.env.npm_execpath;

type Packed = {filename: string; files: Array<{path: string}>};

let staging: string;
let packed: Packed;
let prefix: string;
let bin: string;

/** Bytes under a directory, as `du` would count the files (symlinks not followed). */
function sizeOf(path: string): number {
	const stats = statSync(path, {throwIfNoEntry: false});
	if (!stats) return 0;
	if (!stats.isDirectory()) return stats.size;
	return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

async function npm(args: string[], cwd: string) {
	return npmCli ? run(process.execPath, [npmCli, ...args], {cwd}) : run('npm', args, {cwd});
}

// The package exactly as `npm pack` makes it (dist built fresh into a staging copy, never over the
// repository's dist/), installed globally into a temporary prefix as `npm install --global` does.
test.before(async () => {
	staging = mkdtempSync(join(tmpdir(), 'broadsheet-pack-'));
	for (const name of ['package.json', 'README.md', 'LICENSE', 'media'])
		cpSync(join(repoDirectory, name), join(staging, name), {recursive: true});
	await run(process.execPath, ['--import', 'tsx', '.ci/build.ts', '--outdir', join(staging, 'dist')], {cwd: repoDirectory});
	const {stdout} = await npm(['pack', '--ignore-scripts', '--json', '--loglevel=error'], staging);
	packed = (JSON.parse(stdout) as Packed[])[0]!;
	prefix = join(staging, 'prefix');
	await npm(
		[
			'install',
			'--global',
			'--prefix',
			prefix,
			'--prefer-offline',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			join(staging, packed.filename),
		],
		staging,
	);
	bin = join(prefix, 'bin', 'broadsheet');
});
test.after.always(() => rmSync(staging, {recursive: true, force: true}));

test('the tarball carries the bundle, the screenshots, the README and the licence, and nothing of the sources, tests or CI', (t) => {
	const paths = packed.files.map((file) => file.path);
	t.true(paths.includes('dist/cli.js'));
	t.true(paths.includes('dist/parse-worker.js'));
	t.true(paths.includes('README.md'));
	t.true(paths.includes('LICENSE'));
	t.deepEqual(
		paths.filter((path) => !/^(dist\/|media\/[\w-]+\.svg$|README\.md$|LICENSE$|package\.json$)/.test(path)),
		[],
	);
});

test('installed globally it is at most 10 MB, and its only dependency is conf (the rest is inside the bundle)', (t) => {
	const manifest = JSON.parse(readFileSync(join(repoDirectory, 'package.json'), 'utf8')) as {dependencies: Record<string, string>};
	t.deepEqual(Object.keys(manifest.dependencies), ['conf']);
	const bytes = sizeOf(prefix);
	t.log(`installed: ${(bytes / 1e6).toFixed(1)} MB`);
	t.true(bytes <= 10e6, `${bytes} bytes`);
});

test('the installed command answers --version, reads a page, and subscribes (conf loads from its own node_modules)', async (t) => {
	const version = await run(bin, ['--version']);
	t.is(version.stdout, `${(JSON.parse(readFileSync(join(repoDirectory, 'package.json'), 'utf8')) as {version: string}).version}\n`);
	const read = await run(bin, ['read', `${fixturesDirectory}${seedHost}${seedPath}`, '--width', '0']);
	t.true(read.stdout.startsWith('Tillerson to Lavrov: Russian meddling led to mistrust\n\n'));

	const server = await startServer((_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(
			'<rss version="2.0"><channel><title>Packed</title><item><title>One</title><link>https://example.org/1</link></item></channel></rss>',
		);
	});
	t.teardown(async () => server.close());
	const home = tempHome(t);
	const env = {...process.env, BROADSHEET_HOME: home};
	const added = await run(bin, ['add', server.url('/feed')], {env});
	t.is(added.stdout, `Subscribed to Packed (${server.url('/feed')}): 1 item\n`);
	const feeds = JSON.parse((await run(bin, ['feeds', '--json'], {env})).stdout) as Array<{title: string}>;
	t.is(feeds[0]?.title, 'Packed');
});

test('the README shows its screenshots on the npm page: absolute addresses of files the package carries', (t) => {
	const readme = readFileSync(join(repoDirectory, 'README.md'), 'utf8');
	const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!);
	t.true(images.length >= 2);
	const paths = new Set(packed.files.map((file) => file.path));
	for (const image of images) {
		const inPackage = /^https:\/\/cdn\.jsdelivr\.net\/npm\/broadsheet\/(.+)$/.exec(image)?.[1];
		t.truthy(inPackage, image);
		t.true(paths.has(inPackage!), image);
	}
});
