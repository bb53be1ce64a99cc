import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A loopback server whose every request goes to `handler`: for tests that script a server's behaviour over time. */
export async function startServer(handler: Handler): Promise<{origin: string; url: (path: string) => string; close: () => Promise<void>}> {
	const server = createServer((request, response) => {
		Promise.resolve(handler(request, response)).catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500);
			response.end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: (path) => new URL(path, origin).href,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** An RSS 2.0 document with `count` items whose ids and titles carry `prefix`. */
export function rssFeed(options: {title?: string; count: number; prefix?: string; start?: number; bodyBytes?: number}): string {
	const prefix = options.prefix ?? 'item';
	const start = options.start ?? 0;
	const padding = options.bodyBytes ? 'x'.repeat(options.bodyBytes) : '';
	const items = Array.from({length: options.count}, (_, index) => {
		const number = start + index;
		const date = new Date(Date.UTC(2026, 0, 1) + number * 60_000).toUTCString();
		return `<item><title>${prefix} ${number}</title><link>https://news.example/${prefix}/${number}</link><guid>${prefix}-${number}</guid><pubDate>${date}</pubDate><description>Summary of ${prefix} ${number} ${padding}</description></item>`;
	});
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${options.title ?? 'Test feed'}</title><link>https://news.example/</link>${items.join('')}</channel></rss>`;
}
