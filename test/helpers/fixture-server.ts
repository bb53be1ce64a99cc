import {createHash} from 'node:crypto';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import type {AddressInfo, Socket} from 'node:net';
import {extname, join, normalize} from 'node:path';
import {gzipSync} from 'node:zlib';
import {corporaDirectory, fixturesDirectory, seedHost} from './paths.js';

/*
 * A loopback HTTP server for tests: serves ../shared/fixtures/web/<host>/ at its root and
 * ../shared/corpora/ under /corpora/, with ETag/Last-Modified/304 and gzip, plus knobs
 * under /_test/ for the failures real servers produce.
 *
 *   /_test/status/404                      that status, a small HTML body
 *   /_test/redirect/3?to=/path             a chain of 3 redirects ending at /path
 *   /_test/redirect-loop                   redirects forever
 *   /_test/redirect-scheme                 redirects to a file: URL
 *   /_test/delay/2000?to=/path             waits, then serves /path
 *   /_test/stall                           sends headers and a few bytes, then nothing
 *   /_test/endless                         an endless text/html body
 *   /_test/reset                           writes part of a body, then destroys the socket
 *   /_test/bytes?type=T&charset=C&hex=H    exactly these bytes with this Content-Type
 *   /_test/gzip-bomb?mib=N                 N MiB of zeros, gzip-compressed on the wire
 */

export type FixtureServer = {
	readonly origin: string;
	/** URL on this server for a path. */
	url(path: string): string;
	/** Every request seen, for assertions on headers. */
	readonly requests: IncomingMessage[];
	close(): Promise<void>;
};

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.xml': 'application/rss+xml',
	'.rss': 'application/rss+xml',
	'.atom': 'application/atom+xml',
	'.rdf': 'application/rdf+xml',
	'.json': 'application/json',
	'.opml': 'text/x-opml',
};

/**
 * `host` picks the site under fixtures/web/. Absolute links to that site in served pages and feeds
 * are rewritten to this server, so following them stays on loopback, as if the site were here.
 */
export async function startFixtureServer(options: {host?: string} = {}): Promise<FixtureServer> {
	const host = options.host ?? seedHost;
	const root = join(fixturesDirectory, host);
	const requests: IncomingMessage[] = [];
	let origin = '';
	const sockets = new Set<Socket>();
	const server: Server = createServer((request, response) => {
		requests.push(request);
		handle(request, response, {root, host, origin}).catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500);
			response.end(String(error));
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		url: (path) => new URL(path, origin).href,
		requests,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

type Site = {readonly root: string; readonly host: string; readonly origin: string};

async function handle(request: IncomingMessage, response: ServerResponse, site: Site): Promise<void> {
	const url = new URL(request.url ?? '/', 'http://fixture.invalid');
	const parts = url.pathname.split('/').filter(Boolean);
	if (parts[0] === '_test') return knob(parts.slice(1), url, request, response, site);
	if (parts[0] === 'corpora') {
		return serveFile(join(corporaDirectory, ...parts.slice(1).map(decodeURIComponent)), corporaDirectory, request, response);
	}

	return serveFile(join(site.root, ...parts.map(decodeURIComponent)), site.root, request, response, site);
}

async function serveFile(path: string, root: string, request: IncomingMessage, response: ServerResponse, site?: Site): Promise<void> {
	const resolved = normalize(path);
	const info = resolved.startsWith(normalize(root)) ? await stat(resolved).catch(() => undefined) : undefined;
	if (!info?.isFile()) {
		response.writeHead(404, {'content-type': 'text/html'});
		response.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
		return;
	}

	let body = await readFile(resolved);
	if (site && /\.(?:html|xml)$/.test(resolved)) body = Buffer.from(body.toString('utf8').replaceAll(`https://${site.host}`, site.origin));
	const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
	const lastModified = info.mtime.toUTCString();
	const headers: Record<string, string> = {etag, 'last-modified': lastModified};
	const type = types[extname(resolved)];
	if (type) headers['content-type'] = type;
	const unchanged =
		request.headers['if-none-match'] === etag ||
		(!request.headers['if-none-match'] && request.headers['if-modified-since'] === lastModified);
	if (unchanged) {
		response.writeHead(304, headers);
		response.end();
		return;
	}

	sendBody(request, response, 200, headers, body);
}

function sendBody(request: IncomingMessage, response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): void {
	if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
		const compressed = gzipSync(body);
		response.writeHead(status, {
			...headers,
			'content-encoding': 'gzip',
			'content-length': String(compressed.length),
			vary: 'accept-encoding',
		});
		response.end(compressed);
		return;
	}

	response.writeHead(status, {...headers, 'content-length': String(body.length)});
	response.end(body);
}

async function knob(parts: string[], url: URL, request: IncomingMessage, response: ServerResponse, site: Site): Promise<void> {
	const [name, argument] = parts;
	const to = url.searchParams.get('to') ?? '/';
	switch (name) {
		case 'status': {
			const status = Number(argument);
			const headers: Record<string, string> = {'content-type': 'text/html'};
			const retryAfter = url.searchParams.get('retry-after');
			if (retryAfter) headers['retry-after'] = retryAfter;
			response.writeHead(status, headers);
			response.end(`<!doctype html><title>${status}</title>`);
			return;
		}

		case 'redirect': {
			const left = Number(argument);
			const code = Number(url.searchParams.get('code') ?? 302);
			const location = left > 1 ? `/_test/redirect/${left - 1}?to=${encodeURIComponent(to)}&code=${code}` : to;
			response.writeHead(code, {location});
			response.end();
			return;
		}

		case 'redirect-loop': {
			response.writeHead(302, {location: '/_test/redirect-loop'});
			response.end();
			return;
		}

		case 'redirect-scheme': {
			response.writeHead(302, {location: 'file:///etc/passwd'});
			response.end();
			return;
		}

		case 'delay': {
			await new Promise((resolve) => setTimeout(resolve, Number(argument)));
			const target = new URL(to, url);
			return handle(Object.assign(request, {url: target.pathname + target.search}), response, site);
		}

		case 'stall': {
			response.writeHead(200, {'content-type': 'text/html'});
			response.write('<!doctype html><p>');
			return; // Never ends; the client's stall timeout must.
		}

		case 'endless': {
			response.writeHead(200, {'content-type': 'text/html'});
			const chunk = Buffer.alloc(64 * 1024, '<p>more</p>\n');
			const pump = () => {
				while (!response.destroyed && response.write(chunk));
				if (!response.destroyed) response.once('drain', pump);
			};

			response.on('close', () => response.removeAllListeners('drain'));
			pump();
			return;
		}

		case 'reset': {
			response.writeHead(200, {'content-type': 'text/html', 'content-length': '100000'});
			response.write('<!doctype html><p>partial');
			setTimeout(() => request.socket.destroy(), 20);
			return;
		}

		case 'bytes': {
			const type = url.searchParams.get('type') ?? 'application/octet-stream';
			const charset = url.searchParams.get('charset');
			const body = Buffer.from(url.searchParams.get('hex') ?? '', 'hex');
			response.writeHead(200, {'content-type': charset ? `${type}; charset=${charset}` : type, 'content-length': String(body.length)});
			response.end(body);
			return;
		}

		case 'gzip-bomb': {
			const body = gzipSync(Buffer.alloc(Number(url.searchParams.get('mib') ?? 16) * 1024 * 1024));
			response.writeHead(200, {'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(body.length)});
			response.end(body);
			return;
		}

		default: {
			response.writeHead(404);
			response.end();
		}
	}
}
