/*
 * Networks as they are: proxies from the environment, credentials in feed URLs, https to http.
 * The CLI runs as a real process where the environment decides (proxy variables, trusted CAs).
 */
import {readFileSync} from 'node:fs';
import {createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {connect, type AddressInfo} from 'node:net';
import {join} from 'node:path';
import test from 'ava';
import {BroadsheetError} from '../../source/net/errors.js';
import {httpGet} from '../../source/net/http.js';
import {repoDirectory} from '../helpers/paths.js';
import {rssFeed} from '../helpers/programmable-server.js';
import {runCli} from '../helpers/run-cli.js';
import {tempHome} from '../helpers/temp-home.js';

const tls = {
	cert: readFileSync(join(repoDirectory, 'test/fixtures/tls/cert.pem')),
	key: readFileSync(join(repoDirectory, 'test/fixtures/tls/key.pem')),
};
const trustTestCa = {NODE_EXTRA_CA_CERTS: join(repoDirectory, 'test/fixtures/tls/cert.pem')};
const noProxy = {HTTPS_PROXY: '', HTTP_PROXY: '', https_proxy: '', http_proxy: '', NO_PROXY: '', no_proxy: ''};

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeAll(t: {teardown: (fn: () => Promise<void>) => void}, ...servers: Server[]) {
	t.teardown(async () => {
		for (const server of servers) {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});
}

/** A forward proxy on loopback: answers plain requests for any host itself, and tunnels CONNECT to `tunnelTo`. */
async function startProxy(t: Parameters<typeof closeAll>[0], tunnelTo?: string) {
	const seen: string[] = [];
	const proxy = createHttpServer((request, response) => {
		seen.push(`${request.method} ${request.url}`);
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 2, title: 'Through the proxy', prefix: 'proxied'}));
	});
	proxy.on('connect', (request: IncomingMessage, socket, head) => {
		seen.push(`CONNECT ${request.url}`);
		if (!tunnelTo) {
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}

		const [host, port] = tunnelTo.split(':');
		const upstream = connect(Number(port), host, () => {
			socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(socket);
			socket.pipe(upstream);
		});
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});
	const address = await listen(proxy);
	closeAll(t, proxy);
	return {url: `http://${address}`, seen};
}

test('HTTP_PROXY carries feed requests (a host only the proxy can reach); NO_PROXY bypasses it; lower case works too', async (t) => {
	const proxy = await startProxy(t);
	const home = tempHome(t);
	const direct = await runCli(['add', 'http://feeds.invalid/world.xml'], {home, env: noProxy});
	t.is(direct.code, 1);
	t.regex(direct.stderr, /^broadsheet: http:\/\/feeds\.invalid\/world\.xml: host not found/);

	const proxied = await runCli(['add', 'http://feeds.invalid/world.xml'], {home, env: {...noProxy, HTTP_PROXY: proxy.url}});
	t.is(proxied.code, 0, proxied.stderr);
	t.regex(proxied.stdout, /Subscribed to Through the proxy .*: 2 items/);
	t.deepEqual(proxy.seen, ['GET http://feeds.invalid/world.xml']);

	const bypassed = await runCli(['add', 'http://other.invalid/feed'], {
		home,
		env: {...noProxy, http_proxy: proxy.url, NO_PROXY: '.invalid'},
	});
	t.is(bypassed.code, 1);
	t.regex(bypassed.stderr, /host not found/);
	t.is(proxy.seen.length, 1, 'NO_PROXY kept it off the proxy');

	const lower = await runCli(['add', 'http://lower.invalid/feed'], {home, env: {...noProxy, http_proxy: proxy.url}});
	t.is(lower.code, 0, lower.stderr);
	t.is(proxy.seen.at(-1), 'GET http://lower.invalid/feed');
});

test('HTTPS_PROXY tunnels https with CONNECT; a proxy that refuses is one line naming the feed', async (t) => {
	const origin = createHttpsServer(tls, (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 3, title: 'Tunnelled'}));
	});
	const address = await listen(origin);
	closeAll(t, origin);
	const feed = `https://localhost:${address.split(':')[1]}/feed`;
	const tunnel = await startProxy(t, address);
	const home = tempHome(t);
	const tunnelled = await runCli(['add', feed], {home, env: {...noProxy, ...trustTestCa, HTTPS_PROXY: tunnel.url}});
	t.is(tunnelled.code, 0, tunnelled.stderr);
	t.regex(tunnelled.stdout, /Subscribed to Tunnelled/);
	t.deepEqual(tunnel.seen, [`CONNECT localhost:${address.split(':')[1]}`]);

	const refusing = await startProxy(t);
	const refused = await runCli(['refresh'], {home, env: {...noProxy, ...trustTestCa, https_proxy: refusing.url}});
	t.is(refused.code, 1);
	t.true(
		refused.stderr.split('\n').some((line) => line.startsWith(`  ${feed}: `)),
		refused.stderr,
	);
	t.deepEqual(refusing.seen, [`CONNECT localhost:${address.split(':')[1]}`]);
});

test('credentials in a feed URL go as Basic auth to that origin only, and are never printed', async (t) => {
	const authorizations: Array<string | undefined> = [];
	const other = createHttpServer((request, response) => {
		authorizations.push(`other ${request.headers.authorization ?? 'none'}`);
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 1}));
	});
	const otherAddress = await listen(other);
	const home = createHttpServer((request, response) => {
		authorizations.push(`home ${request.headers.authorization ?? 'none'}`);
		if (request.url === '/elsewhere') response.writeHead(302, {location: `http://${otherAddress}/feed`}).end();
		else if (request.url === '/here') response.writeHead(302, {location: '/feed'}).end();
		else if (request.headers.authorization === `Basic ${Buffer.from('me:p@ss word').toString('base64')}`) {
			response.writeHead(200, {'content-type': 'application/rss+xml'});
			response.end(rssFeed({count: 1}));
		} else response.writeHead(401).end();
	});
	const homeAddress = await listen(home);
	closeAll(t, home, other);

	const credentials = 'me:p%40ss%20word@';
	t.false((await httpGet(`http://${credentials}${homeAddress}/feed`)).notModified);
	await httpGet(`http://${credentials}${homeAddress}/here`);
	await httpGet(`http://${credentials}${homeAddress}/elsewhere`);
	const sent = `Basic ${Buffer.from('me:p@ss word').toString('base64')}`;
	t.deepEqual(authorizations, [`home ${sent}`, `home ${sent}`, `home ${sent}`, `home ${sent}`, 'other none']);

	const failure = await httpGet(`http://me:hunter2@127.0.0.1:9/feed`).catch((error: unknown) => error);
	t.true(failure instanceof BroadsheetError);
	t.false((failure as Error).message.includes('hunter2'));
	t.regex((failure as Error).message, /^http:\/\/(?:me:\*\*\*@)?127\.0\.0\.1:9\/feed: /);

	const broadsheetHome = tempHome(t);
	const added = await runCli(['add', `http://${credentials}${homeAddress}/feed`], {home: broadsheetHome, env: noProxy});
	t.is(added.code, 0, added.stderr);
	// The subscription keeps its credentials (the server asks for them on every refresh).
	const refreshed = await runCli(['refresh'], {home: broadsheetHome, env: noProxy});
	t.is(refreshed.code, 0, refreshed.stderr);
	for (const args of [['feeds'], ['feeds', '--json'], ['export', '--format', 'opml'], ['export', '--format', 'csv'], ['export']]) {
		const result = await runCli(args, {home: broadsheetHome});
		t.is(result.code, 0, result.stderr);
		t.false(result.stdout.includes('p%40ss') || result.stdout.includes('p@ss'), `${args.join(' ')} redacts the password`);
		// Where the feed's address is part of the output, it is there, redacted.
		if (['--json', 'opml', 'csv'].some((flag) => args.includes(flag))) t.true(result.stdout.includes('me:***@'), args.join(' '));
	}
});

test('an https feed redirected to http is followed, with one warning naming both URLs', async (t) => {
	const plain = createHttpServer((_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.end(rssFeed({count: 2, title: 'Plain'}));
	});
	const plainAddress = await listen(plain);
	const secure = createHttpsServer(tls, (_request, response) => response.writeHead(301, {location: `http://${plainAddress}/feed`}).end());
	const secureAddress = await listen(secure);
	closeAll(t, plain, secure);
	const feed = `https://localhost:${secureAddress.split(':')[1]}/feed`;
	const result = await runCli(['add', feed], {home: tempHome(t), env: {...noProxy, ...trustTestCa}});
	t.is(result.code, 0, result.stderr);
	t.is(
		result.stderr,
		`broadsheet: warning: http://${plainAddress}/feed: ${feed} redirected to http://${plainAddress}/feed: no longer encrypted (https to http)\n`,
	);
	t.regex(result.stdout, /Subscribed to Plain/);
});

test('a plain request to the proxy helper works without the CLI too (guards the helper itself)', async (t) => {
	const proxy = await startProxy(t);
	const body = await new Promise<string>((resolve, reject) => {
		const request = httpRequest(`${proxy.url}/`, {headers: {host: 'x.invalid'}}, (response) => {
			let text = '';
			response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
			response.on('end', () => resolve(text));
		});
		request.on('error', reject);
		request.end();
	});
	t.true(body.includes('Through the proxy'));
});
