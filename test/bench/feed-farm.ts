import {createHash} from 'node:crypto';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {gzipSync} from 'node:zlib';
import {rssFeed} from '../helpers/programmable-server.js';
import {richFeed} from './rich-feeds.js';

export type FarmOptions = {
	/** `light`: 200-byte summaries; `rich`: 3–8 KB of article HTML per item, a third of the feeds Atom. */
	readonly shape?: 'light' | 'rich';
	/** Loopback addresses the feeds are spread over (127.0.0.1–127.0.0.N): 64 is many real sites, 1 is one site. */
	readonly hosts?: number;
};

/**
 * N synthetic feeds of M items on loopback, each with an ETag and Last-Modified so a second
 * refresh can be all 304s; gzip when asked, as real servers do. Feeds are spread over 64 loopback
 * addresses (or one, when asked), so per-host limits act as they would on real subscriptions.
 */
export async function startFeedFarm(
	feeds: number,
	itemsPerFeed: number,
	options: FarmOptions = {},
): Promise<{urls: string[]; longArticleUrl: string; bytes: number; close: () => Promise<void>}> {
	const hosts = options.hosts ?? 64;
	const lastModified = new Date(Date.UTC(2026, 10, 1)).toUTCString();
	let bodies: Array<{xml: Buffer; gzip: Buffer; etag: string}> = [];
	const handler = (request: IncomingMessage, response: ServerResponse) => {
		if (request.url === '/article/long.html') {
			response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
			response.end(longArticle);
			return;
		}

		const index = Number(/^\/feed\/(\d+)\.xml$/.exec(request.url ?? '')?.[1] ?? -1);
		const body = bodies[index];
		if (!body) {
			response.writeHead(404);
			response.end();
			return;
		}

		const headers = {etag: body.etag, 'last-modified': lastModified, 'content-type': 'application/rss+xml; charset=utf-8'};
		if (request.headers['if-none-match'] === body.etag || request.headers['if-modified-since'] === lastModified) {
			response.writeHead(304, headers);
			response.end();
			return;
		}

		const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
		response.writeHead(200, {...headers, ...(gzip ? {'content-encoding': 'gzip'} : {})});
		response.end(gzip ? body.gzip : body.xml);
	};

	const first = createServer(handler);
	await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
	const {port} = first.address() as AddressInfo;
	const longArticleUrl = `http://127.0.0.1:${port}/article/long.html`;
	bodies = Array.from({length: feeds}, (_, index) => {
		let text =
			options.shape === 'rich'
				? richFeed(index, itemsPerFeed)
				: rssFeed({title: `Synthetic feed ${index}`, count: itemsPerFeed, prefix: `f${index}`, bodyBytes: 200});
		// The newest story of the first feed is a long article, for scrolling measurements.
		if (index === 0) text = text.replace(`<link>https://news.example/f0/${itemsPerFeed - 1}</link>`, `<link>${longArticleUrl}</link>`);
		const xml = Buffer.from(text);
		return {xml, gzip: gzipSync(xml), etag: `"${createHash('sha1').update(xml).digest('hex').slice(0, 12)}"`};
	});
	const servers: Server[] = [first];
	for (let host = 2; host <= hosts; host++) {
		const server = createServer(handler);
		await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, `127.0.0.${host}`, resolve));
		servers.push(server);
	}

	return {
		longArticleUrl,
		bytes: bodies.reduce((total, body) => total + body.xml.length, 0),
		urls: bodies.map((_, index) => `http://127.0.0.${(index % hosts) + 1}:${port}/feed/${index}.xml`),
		close: async () => {
			await Promise.all(
				servers.map(async (server) => {
					server.closeAllConnections();
					await new Promise<void>((resolve) => server.close(() => resolve()));
				}),
			);
		},
	};
}

/** About 2,000 lines at a reading width: 400 paragraphs with quotations and links. */
const longArticle = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long report</title></head><body><article><h1>A very long report</h1>
${Array.from(
	{length: 400},
	(_, index) =>
		`<p>Paragraph ${index + 1}: the committee heard that “the figures for this quarter were not what anyone expected” and that <a href="/article/long.html#p${index}">the earlier report</a> had understated the costs, a point the minister disputed at length before the session was adjourned until the following week.</p>`,
).join('\n')}
</article></body></html>`;
