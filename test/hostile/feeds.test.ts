/*
 * The hostile corpus (test/helpers/hostile-cases.ts) against the refresh engine and, end to end,
 * against the CLI. Each case: no crash, no hang past a deadline, its good items stored and exported,
 * a failure recorded as one line naming the feed, and no control sequence in anything printed.
 */
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {parseStringPromise} from 'xml2js';
import {itemFormats} from '../../source/render/formats.js';
import {renderItems} from '../../source/render/items.js';
import {refreshFeeds} from '../../source/refresh/refresh.js';
import {Store} from '../../source/store/store.js';
import {sanitizeTerminal} from '../../source/text/sanitize.js';
import {casePath, controlSequence, hostileCases} from '../helpers/hostile-cases.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

const servers: Server[] = [];
let origin: string;
/** A host of its own for the cases that back off their host (Retry-After), so the others are not deferred with them. */
let limitedOrigin: string;

async function startCaseServer(): Promise<string> {
	const byPath = new Map(hostileCases.map((entry) => [casePath(entry.name), entry]));
	const server = createServer((request, response) => {
		const entry = byPath.get(new URL(request.url!, 'http://x').pathname);
		if (entry) entry.serve(request, response);
		else response.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	servers.push(server);
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test.before(async () => {
	origin = await startCaseServer();
	limitedOrigin = await startCaseServer();
});
test.after.always(async () => {
	for (const server of servers) {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
});

const originOf = (name: string) => (hostileCases.find((entry) => entry.name === name)?.backsOff ? limitedOrigin : origin);

/** The URL a case is subscribed at; the credentials case carries its user and password. */
const feedUrl = (name: string) =>
	name === 'basic-auth-required'
		? `${origin.replace('http://', 'http://reader:s3cr%3Aet@')}${casePath(name)}`
		: `${originOf(name)}${casePath(name)}`;

/** Deadline for one feed: the stall case needs the 10 s stall timeout, nothing needs more. */
const deadlineMs = 20_000;

function printable(t: {true: (value: boolean, message?: string) => void}, text: string, where: string) {
	const match = controlSequence.exec(text.replaceAll('\r\n', '\n'));
	t.true(match === null, `${where}: control character U+${match?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${match?.index}`);
}

test('the corpus has at least 100 cases across every group', (t) => {
	t.true(hostileCases.length >= 100, String(hostileCases.length));
	t.deepEqual([...new Set(hostileCases.map((entry) => entry.group))].sort(), ['charset', 'http', 'json', 'terminal', 'xml']);
	t.is(new Set(hostileCases.map((entry) => entry.name)).size, hostileCases.length, 'case names are unique');
});

for (const entry of hostileCases) {
	// One at a time: the fault server shares this thread, and a neighbour's megabyte parse would stall it.
	test.serial(`${entry.group}: ${entry.name}`, async (t) => {
		const store = Store.open(':memory:');
		t.teardown(() => store.close());
		const url = feedUrl(entry.name);
		const started = Date.now();
		let timer: NodeJS.Timeout | undefined;
		const summary = await Promise.race([
			refreshFeeds(store, [{url, tags: []}], {concurrency: 1, perHostConcurrency: 1, keepItemsPerFeed: 1000}),
			new Promise<never>((_resolve, reject) => {
				timer = setTimeout(() => reject(new Error(`hung past ${deadlineMs} ms`)), deadlineMs);
			}),
		]).finally(() => clearTimeout(timer));

		const feed = store.feedByUrl(url)!;
		if (entry.fails) {
			t.is(summary.failed, 1, `expected a failure, got ${JSON.stringify(summary)}`);
			const message = summary.failures[0]!.message;
			t.false(message.includes('\n'), message);
			t.true(message.includes(`${originOf(entry.name)}/`), `names the feed: ${message}`);
			printable(t, message, 'error');
			t.is(feed.errorMessage, message);
		} else {
			t.is(summary.failed, 0, summary.failures[0]?.message);
		}

		const items = store.items();
		// Titles as every output shows them: through the one sanitiser.
		const titles = new Set(items.map((item) => sanitizeTerminal(item.title)));
		for (const title of entry.good) t.true(titles.has(title), `"${title}" delivered (have ${[...titles].slice(0, 8).join(' | ')})`);
		const problem = entry.check?.(items);
		t.is(problem, undefined, problem);
		for (const format of itemFormats)
			printable(t, [...renderItems(items.map((item) => ({item}))[Symbol.iterator](), format, new Date())].join(''), format);
		if (feed.warning) printable(t, feed.warning, 'warning');
		if (entry.backsOff) {
			const until = Date.parse(store.hostRetryAfter(new URL(limitedOrigin).host) ?? '');
			t.true(until >= started - 1000 && until <= Date.now() + 24 * 3_600_000 + 1000, `back-off clamped to 0 s … 24 h: ${until}`);
		}
	});
}

test('end to end: import every case, refresh, list and export in every format, with nothing unprintable on any stream', async (t) => {
	const home = tempHome(t);
	const outlines = hostileCases.map(
		(entry) => `<outline type="rss" text="${entry.name}" xmlUrl="${feedUrl(entry.name).replaceAll('&', '&amp;')}"/>`,
	);
	writeFileSync(join(home, 'hostile.opml'), `<?xml version="1.0"?><opml version="2.0"><body>${outlines.join('')}</body></opml>`);
	const imported = await runCli(['import', join(home, 'hostile.opml')], {home});
	t.is(imported.code, 0, imported.stderr);

	const refreshed = await runCli(['refresh', '--json'], {home});
	t.is(refreshed.code, 3, 'some feeds failed, the rest were done');
	printable(t, refreshed.stderr, 'refresh stderr');
	const summary = JSON.parse(refreshed.stdout) as {failures: Array<{url: string; message: string}>; deferrals: Array<{url: string}>};
	// Every failing case failed, or (backing its host off) left the other cases of that host deferred.
	const stopped = new Set([...summary.failures, ...summary.deferrals].map((entry) => new URL(entry.url).pathname));
	for (const entry of hostileCases) t.is(stopped.has(casePath(entry.name)), Boolean(entry.fails), entry.name);
	t.true(
		summary.deferrals.every((entry) => entry.url.startsWith(limitedOrigin)),
		'only the host that asked to wait is deferred',
	);
	// On stderr: one line per failure after the summary line, each naming its feed; one line per deferral.
	const lines = refreshed.stderr.trimEnd().split('\n');
	const failureLines = lines.slice(lines.findIndex((line) => line.includes('feeds failed:')) + 1);
	t.is(failureLines.length, summary.failures.length, refreshed.stderr);
	for (const failure of summary.failures)
		t.true(
			failureLines.some((line) => line.includes(`${new URL(failure.url).pathname}:`)),
			failure.url,
		);
	for (const deferral of summary.deferrals)
		t.true(
			lines.some((line) => line.includes(`${deferral.url}: deferred until`)),
			deferral.url,
		);
	t.false(refreshed.stderr.includes('s3cr'), 'the password is never printed');

	const listed = await runCli(['feeds', '--json'], {home});
	t.is(listed.code, 0, listed.stderr);
	printable(t, listed.stdout, 'feeds --json');
	t.false(listed.stdout.includes('s3cr'));
	const text = await runCli(['feeds'], {home});
	printable(t, text.stdout, 'feeds');

	for (const format of [...itemFormats, 'opml']) {
		const exported = await runCli(['export', '--format', format], {home});
		t.is(exported.code, 0, `${format}: ${exported.stderr}`);
		printable(t, exported.stdout, `export ${format}`);
		t.false(exported.stdout.includes('s3cr'), `${format} redacts the password`);
		// XML stays well-formed whatever the feeds held: a strict parser reads the OPML.
		if (format === 'opml')
			await t.notThrowsAsync(parseStringPromise(exported.stdout, {strict: true}), 'the OPML export is well-formed XML');
		if (format === 'ndjson') {
			const titles = new Set(
				exported.stdout
					.trimEnd()
					.split('\n')
					.map((line) => (JSON.parse(line) as {title: string}).title),
			);
			for (const entry of hostileCases) for (const title of entry.good) t.true(titles.has(title), `${entry.name}: ${title}`);
		}
	}
});
