/*
 * No condition the user caused prints "unexpected error": each is one line naming the path and what
 * is wrong, exit 1 (2 for usage). Full and read-only disks are real: a small tmpfs, mounted by the
 * test where the machine lets it (root with mount rights, as in CI), else those cases are skipped.
 */
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {rssFeed, startServer} from '../helpers/programmable-server.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

function oneLine(
	t: {is: (a: unknown, b: unknown, m?: string) => void; regex: (a: string, b: RegExp) => void; false: (a: boolean, m?: string) => void},
	result: CliResult,
	pattern: RegExp,
) {
	t.is(result.code, 1, result.stderr);
	t.is(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
	t.regex(result.stderr, pattern);
	t.false(result.stderr.includes('unexpected error'), result.stderr);
}

/** A tmpfs of `size` mounted for one test, or undefined where this machine does not allow mounting. */
function mountTmpfs(t: {teardown: (fn: () => void) => void}, size: string): string | undefined {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-tmpfs-'));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', directory], {stdio: 'ignore'});
	} catch {
		rmSync(directory, {recursive: true, force: true});
		return undefined;
	}

	t.teardown(() => {
		execFileSync('umount', ['-l', directory], {stdio: 'ignore'});
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

const canMount = (() => {
	const probe = mkdtempSync(join(tmpdir(), 'broadsheet-probe-'));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], {stdio: 'ignore'});
		execFileSync('umount', [probe], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	} finally {
		rmSync(probe, {recursive: true, force: true});
	}
})();

test('config.json that is a folder: one line naming it', async (t) => {
	const home = mkdtempSync(join(tmpdir(), 'broadsheet-test-'));
	t.teardown(() => rmSync(home, {recursive: true, force: true}));
	mkdirSync(join(home, 'config.json'));
	oneLine(t, await runCli(['feeds'], {home}), /^broadsheet: .*config\.json: is a folder, not a file\n$/);
});

test('the database path taken by a folder, or by a file that is not a database: one line naming it', async (t) => {
	const home = tempHome(t);
	mkdirSync(join(home, 'broadsheet.db'));
	oneLine(t, await runCli(['unread'], {home}), /^broadsheet: .*broadsheet\.db: is a folder, not a file\n$/);
	rmSync(join(home, 'broadsheet.db'), {recursive: true});
	writeFileSync(join(home, 'broadsheet.db'), 'not sqlite at all, just some words that fill the header page '.repeat(100));
	oneLine(t, await runCli(['unread'], {home}), /^broadsheet: .*broadsheet\.db: not a Broadsheet database: move it away/);
});

test('--output into a missing folder, or onto a folder: one line naming the path given', async (t) => {
	const home = tempHome(t);
	oneLine(
		t,
		await runCli(['export', '--output', join(home, 'missing', 'x.json')], {home}),
		/^broadsheet: .*missing\/x\.json: cannot be written, the folder .*missing does not exist\n$/,
	);
	mkdirSync(join(home, 'folder'));
	oneLine(t, await runCli(['export', '--output', join(home, 'folder')], {home}), /^broadsheet: .*folder: is a folder; give a file name\n$/);
	oneLine(t, await runCli(['import', join(home, 'nothing.opml')], {home}), /^broadsheet: .*nothing\.opml: no such file\n$/);
});

(process.getuid?.() === 0 && !canMount ? test.skip : test)(
	'a read-only home: commands that write say so in one line naming the path',
	async (t) => {
		let home: string;
		if (canMount) {
			home = mountTmpfs(t, '1m')!;
			writeFileSync(join(home, 'config.json'), '{"subscriptions": []}');
			execFileSync('mount', ['-o', 'remount,ro', home]);
		} else {
			// Not root: permissions alone make it read-only.
			home = tempHome(t);
			chmodSync(home, 0o555);
			t.teardown(() => chmodSync(home, 0o755));
		}

		oneLine(
			t,
			await runCli(['add', 'http://127.0.0.1:9/feed.xml'], {home}),
			/^broadsheet: .*(?:read-only|permission denied|cannot be opened)/,
		);
		oneLine(t, await runCli(['config', 'concurrency', '4'], {home}), /^broadsheet: .*(?:read-only|permission denied|cannot be opened)/);
	},
);

(canMount ? test : test.skip)('a full disk: refresh and export say so in one line, and what was stored before survives', async (t) => {
	const disk = mountTmpfs(t, '2m')!;
	const home = join(disk, 'home');
	mkdirSync(home);
	writeFileSync(join(home, 'config.json'), '{"subscriptions": []}');
	const server = await startServer((request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		const small = request.url === '/small';
		response.end(rssFeed({count: small ? 3 : 400, bodyBytes: small ? 0 : 4000, prefix: request.url!.slice(1)}));
	});
	t.teardown(async () => server.close());
	t.is((await runCli(['add', server.url('/small')], {home})).code, 0);
	// Fill what is left of the disk, to the last block: how much a step then finds free is never left to chance.
	const fillers: string[] = [];
	for (const size of [64 * 1024, 4096]) {
		try {
			for (;;) {
				const file = join(disk, `filler-${fillers.length}`);
				writeFileSync(file, Buffer.alloc(size));
				fillers.push(file);
			}
		} catch {
			// ENOSPC: full.
		}
	}

	// With the database's disk full even opening it says so (its shared-memory file cannot be made).
	oneLine(t, await runCli(['unread'], {home}), /^broadsheet: .*broadsheet\.db: no space left on the disk\n$/);
	// Room for the locks and for opening the database, not for 400 items of 4 KB: the refresh's writes fail.
	for (const file of fillers.splice(0, 2)) rmSync(file);
	oneLine(t, await runCli(['add', server.url('/big')], {home}), /^broadsheet: .*(?:no space left on the disk|disk is full)/);
	for (const file of fillers.splice(0, 2)) rmSync(file);
	// The export goes to a second disk, this one full.
	const outputDisk = mountTmpfs(t, '64k')!;
	try {
		writeFileSync(join(outputDisk, 'filler'), Buffer.alloc(128 * 1024));
	} catch {
		// Full.
	}

	oneLine(
		t,
		await runCli(['export', '--output', join(outputDisk, 'out.json')], {home}),
		/^broadsheet: .*out\.json: no space left on the disk\n$/,
	);
	const unread = await runCli(['unread'], {home});
	t.is(unread.code, 0, unread.stderr);
	t.is(unread.stdout, '3\n', 'the first feed survived');
});
