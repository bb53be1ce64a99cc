import {createServer} from 'node:net';
import test from 'ava';
import {BroadsheetError, classifyNetworkError} from '../../source/net/errors.js';
import {httpGet} from '../../source/net/http.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {seedPath} from '../helpers/paths.js';

let server: FixtureServer;
test.before(async () => {
	server = await startFixtureServer();
});
test.after.always(async () => server.close());

async function failure(promise: Promise<unknown>): Promise<BroadsheetError> {
	const error = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	if (!(error instanceof BroadsheetError)) throw new Error(`expected a BroadsheetError, got ${String(error)}`);
	return error;
}

test('fetches a page, decompressing gzip, with our User-Agent and validators', async (t) => {
	const result = await httpGet(server.url(seedPath));
	t.false(result.notModified);
	if (result.notModified) return;
	t.is(result.status, 200);
	t.true(new TextDecoder().decode(result.body).includes('Tillerson to Lavrov'));
	t.truthy(result.etag);
	t.truthy(result.lastModified);
	const request = server.requests.find((request) => request.url === seedPath)!;
	t.regex(request.headers['user-agent'] ?? '', /^broadsheet\/\d+\.\d+\.\d+ \(\+https:/);
	t.regex(request.headers['accept-encoding'] ?? '', /gzip/);
});

test('conditional GET: ETag and Last-Modified come back as 304 not modified', async (t) => {
	const first = await httpGet(server.url(seedPath));
	if (first.notModified) return t.fail();
	const second = await httpGet(server.url(seedPath), {etag: first.etag, lastModified: first.lastModified});
	t.true(second.notModified);
	t.true(server.requests.some((request) => request.headers['if-none-match'] === first.etag));
	const byDate = await httpGet(server.url(seedPath), {lastModified: first.lastModified});
	t.true(byDate.notModified);
});

test('follows a redirect chain and reports where it ended and which hops were permanent', async (t) => {
	const result = await httpGet(server.url(`/_test/redirect/3?to=${encodeURIComponent(seedPath)}&code=301`));
	if (result.notModified) return t.fail();
	t.is(result.url, server.url(seedPath));
	t.is(result.redirects.length, 3);
	t.true(result.redirects.every((hop) => hop.permanent));
});

test('gives up after 10 redirects', async (t) => {
	const error = await failure(httpGet(server.url('/_test/redirect-loop')));
	t.is(error.kind, 'redirect');
	t.regex(error.message, /more than 10 redirects/);
	const eleven = await failure(httpGet(server.url(`/_test/redirect/11?to=${encodeURIComponent(seedPath)}`)));
	t.is(eleven.kind, 'redirect');
	const ten = await httpGet(server.url(`/_test/redirect/10?to=${encodeURIComponent(seedPath)}`));
	t.false(ten.notModified);
});

test('refuses redirects to anything but http(s)', async (t) => {
	const error = await failure(httpGet(server.url('/_test/redirect-scheme')));
	t.is(error.kind, 'unsupported-protocol');
	// The message names the URL that was asked for, not only the place it pointed to.
	t.true(error.message.startsWith(`${server.url('/_test/redirect-scheme')}: redirected to file:`), error.message);
});

test('refuses non-http URLs and malformed ones before any request', async (t) => {
	t.is((await failure(httpGet('file:///etc/passwd'))).kind, 'unsupported-protocol');
	t.is((await failure(httpGet('http://exa mple.com:99999/'))).kind, 'invalid-url');
});

test('an HTTP error status is classified with its code', async (t) => {
	const error = await failure(httpGet(server.url('/_test/status/404')));
	t.is(error.kind, 'http');
	t.is(error.status, 404);
	t.regex(error.message, /HTTP 404/);
	const missing = await failure(httpGet(server.url('/no/such/page.html')));
	t.is(missing.status, 404);
});

test('the size cap counts bytes after decompression and stops an endless body', async (t) => {
	const endless = await failure(httpGet(server.url('/_test/endless'), {maxBytes: 1024 * 1024}));
	t.is(endless.kind, 'too-large');
	t.regex(endless.message, /larger than 1 MiB/);
	// 16 MiB of zeros is ~16 KiB on the wire: only counting decompressed bytes catches it.
	const bomb = await failure(httpGet(server.url('/_test/gzip-bomb?mib=16'), {maxBytes: 5 * 1024 * 1024}));
	t.is(bomb.kind, 'too-large');
});

test('a server that stops sending hits the stall timeout', async (t) => {
	const started = Date.now();
	const error = await failure(httpGet(server.url('/_test/stall'), {stallMs: 300, timeoutMs: 10_000}));
	t.is(error.kind, 'timeout');
	t.regex(error.message, /no data for 300 ms/);
	t.true(Date.now() - started < 5000);
});

test('a slow server hits the total timeout', async (t) => {
	const error = await failure(httpGet(server.url(`/_test/delay/3000?to=${encodeURIComponent(seedPath)}`), {timeoutMs: 300}));
	t.is(error.kind, 'timeout');
	t.regex(error.message, /timed out after 300 ms/);
});

test('a connection reset mid-body is classified', async (t) => {
	const error = await failure(httpGet(server.url('/_test/reset')));
	t.is(error.kind, 'reset');
});

test('a closed port is "connection refused"', async (t) => {
	const port = await new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const {port} = probe.address() as {port: number};
			probe.close(() => resolve(port));
		});
	});
	const error = await failure(httpGet(`http://127.0.0.1:${port}/`));
	t.is(error.kind, 'refused');
	t.regex(error.message, /connection refused/);
});

test('system error codes map to dns, tls and timeout, nested causes included', (t) => {
	const nested = (code: string) => Object.assign(new TypeError('fetch failed'), {cause: Object.assign(new Error('x'), {code})});
	t.is(classifyNetworkError(nested('ENOTFOUND'), 'https://nowhere.invalid/').kind, 'dns');
	t.is(classifyNetworkError(nested('EAI_AGAIN'), 'https://nowhere.invalid/').kind, 'dns');
	t.is(classifyNetworkError(nested('ERR_TLS_CERT_ALTNAME_INVALID'), 'https://x/').kind, 'tls');
	t.is(classifyNetworkError(nested('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'https://x/').kind, 'tls');
	t.is(classifyNetworkError(nested('UND_ERR_CONNECT_TIMEOUT'), 'https://x/').kind, 'timeout');
});

test('error messages never carry raw control bytes from a URL', (t) => {
	const error = new BroadsheetError('http', 'http://evil.example/\u001B]0;pwned\u0007\u001B[2J: HTTP 500');
	// eslint-disable-next-line no-control-regex
	t.false(/[\u0000-\u001F\u007F-\u009F]/.test(error.message));
	t.regex(error.message, /HTTP 500/);
});
