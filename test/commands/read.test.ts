import {readFileSync} from 'node:fs';
import {createServer, type AddressInfo} from 'node:net';
import test from 'ava';
import type {ArticleDocument} from '../../source/articles/document.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {comparableText, fixturesDirectory, seedDirectory, seedHost, seedPath} from '../helpers/paths.js';
import {runCli} from '../helpers/run-cli.js';

let server: FixtureServer;
let closedPort: number;
test.before(async () => {
	server = await startFixtureServer();
	closedPort = await new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const {port} = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
});
test.after.always(async () => server.close());

const seedText = readFileSync(`${seedDirectory}000_9ee428fbf9fd90f6.txt`, 'utf8');

test('read prints the seed article as plain text, exactly', async (t) => {
	const result = await runCli(['read', server.url(seedPath)]);
	t.is(result.code, 0, result.stderr);
	t.is(result.stderr, '');
	t.is(comparableText(result.stdout), comparableText(seedText));
});

test('read --width wraps to the given columns', async (t) => {
	const result = await runCli(['read', server.url(seedPath), '--width', '40']);
	t.is(result.code, 0);
	const lines = result.stdout.split('\n');
	t.true(lines.every((line) => line.length <= 40));
	t.true(lines.length > 60);
});

test('read --format json gives the document', async (t) => {
	const result = await runCli(['read', server.url(seedPath), '--format', 'json']);
	t.is(result.code, 0);
	const document = JSON.parse(result.stdout) as ArticleDocument;
	t.is(document.version, 1);
	t.is(document.title, 'Tillerson to Lavrov: Russian meddling led to mistrust');
	t.is(document.links.filter((link) => link.related).length, 4);
});

test('read --format markdown: footnote links, related kept in place and listed again', async (t) => {
	const result = await runCli(['read', server.url(seedPath), '-f', 'markdown']);
	t.is(result.code, 0);
	const markdown = result.stdout;
	t.true(markdown.startsWith('# Tillerson to Lavrov: Russian meddling led to mistrust\n'));
	t.regex(markdown, /US Secretary of State \[Rex Tillerson\]\[1\] said/);
	t.regex(markdown, /\n→ \[OPINION: Is Russia a real threat to the West\?\]\[3\]\n/);
	t.regex(markdown, /## Related\n\n- \[OPINION: Is Russia a real threat to the West\?\]\[3\]\n- \[Grand Jury/);
	t.regex(
		markdown,
		new RegExp(
			`\\n\\[4\\]: ${server.url('/news/2017/08/grand-jury-convened-russia-probe-170804004105767.html').replace(/[.?]/g, '\\$&')}\\n`,
		),
	);
	t.regex(markdown, /## ‘Full-scale trade war’/);
	t.regex(markdown, /Source: Al Jazeera, News Agencies/);
});

test('read --format html: a standalone page without scripts', async (t) => {
	const result = await runCli(['read', server.url(seedPath), '--format', 'html']);
	t.is(result.code, 0);
	t.regex(result.stdout, /^<!doctype html>/);
	t.regex(result.stdout, /<h1>Tillerson to Lavrov: Russian meddling led to mistrust<\/h1>/);
	t.regex(result.stdout, /<span class="quote">“serious mistrust”<\/span>/);
	t.false(/<script/i.test(result.stdout));
	t.regex(result.stdout, /Content-Security-Policy/);
});

test('read a saved page from disk resolves links against its canonical URL', async (t) => {
	const result = await runCli(['read', `${fixturesDirectory}${seedHost}${seedPath}`, '--format', 'json']);
	t.is(result.code, 0, result.stderr);
	const document = JSON.parse(result.stdout) as ArticleDocument;
	t.is(document.links[0]!.href, 'https://www.aljazeera.com/topics/people/rex-tillerson.html');
});

const failures: Array<[string, () => string, RegExp]> = [
	['a malformed URL', () => 'http://exa mple.com/', /not a valid URL/],
	['a missing file', () => 'no-such-file.html', /not a URL or a readable file/],
	['an unreachable host', () => `http://127.0.0.1:${closedPort}/`, /connection refused/],
	['a 404', () => server.url('/no/such/story.html'), /HTTP 404/],
	['a non-HTML response', () => server.url('/xml/rss/all.xml'), /not a web page \(application\/rss\+xml\)/],
	['a page over the cap', () => server.url('/_test/endless'), /larger than 5 MiB/],
];

for (const [name, url, message] of failures) {
	test(`read fails on ${name}: one line on stderr, exit 1, no stack trace`, async (t) => {
		const result = await runCli(['read', url()]);
		t.is(result.code, 1);
		t.is(result.stdout, '');
		t.regex(result.stderr, message);
		t.regex(result.stderr, /^broadsheet: [^\n]+\n$/);
		t.false(/\n\s+at /.test(result.stderr));
	});
}

test('usage errors exit 2', async (t) => {
	for (const args of [
		['read'],
		['read', server.url(seedPath), '--format', 'pdf'],
		['fly'],
		['read', server.url(seedPath), '--width', '-3'],
	]) {
		const result = await runCli(args);
		t.is(result.code, 2, args.join(' '));
		t.regex(result.stderr, /^broadsheet: /);
	}

	const unknownFlag = await runCli(['read', '--nope']);
	t.is(unknownFlag.code, 2);
});

test('no command and no terminal: a hint and exit 2', async (t) => {
	const result = await runCli([]);
	t.is(result.code, 2);
	t.regex(result.stderr, /use a command such as `broadsheet refresh`/);
});
