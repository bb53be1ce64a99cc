import {startServer} from './programmable-server.js';

/**
 * A loopback server speaking Miniflux's dialect of the Google Reader API, from its documentation
 * (miniflux/v2 internal/googlereader/README.md): GET authenticates by the `Authorization:
 * GoogleLogin auth=` header only, POST by the `T` form field only (the header is ignored there);
 * `stream/items/ids` pages by a numeric offset `c` and is unbounded without `n`; `ot` compares
 * publication dates; `subscription/edit` subscribes by `feed/<url>` but edits and unsubscribes by
 * `feed/<id>`; unknown endpoints (`stream/contents` among them) answer 200 and `[]`.
 * The test drives the "upstream" side through the returned object.
 */
export type MinifluxItem = {id: number; feedId: number; title: string; link: string; published: number; read: boolean; starred: boolean};
export type MinifluxFeed = {id: number; url: string; title: string; category: string};
export type LoggedRequest = {
	method: string;
	path: string;
	query: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
};

export async function startMinifluxServer(options: {user?: string; password?: string; app?: {id: string; key: string}} = {}) {
	const user = options.user ?? 'reader';
	const password = options.password ?? 'correct horse';
	const token = `${user}/5f0c6b2e9a1d4c3b8e7f6a5d4c3b2a1f0e9d8c7b`;
	const feeds: MinifluxFeed[] = [];
	const items: MinifluxItem[] = [];
	const requests: LoggedRequest[] = [];
	let nextFeed = 1;
	let nextItem = 1000;
	let failures: number[] = [];

	const longId = (id: number) => `tag:google.com,2005:reader/item/${id.toString(16).padStart(16, '0')}`;
	const parseId = (value: string) => (/^\d+$/.test(value) ? Number(value) : Number.parseInt(value.split('/').at(-1)!, 16));
	const feedOf = (stream: string) => feeds.find((feed) => `feed/${feed.id}` === stream);

	const server = await startServer(async (request, response) => {
		const url = new URL(request.url!, 'http://x');
		let body = '';
		for await (const chunk of request) body += String(chunk);
		requests.push({method: request.method!, path: url.pathname, query: url.search, headers: request.headers, body});
		const form = new URLSearchParams(body);
		const send = (status: number, text: string, type = 'application/json') => {
			response.writeHead(status, {'content-type': type});
			response.end(text);
		};

		// Inoreader's rule, when asked for: a registered app's AppId and AppKey on every request, or 401.
		if (options.app && (request.headers['appid'] !== options.app.id || request.headers['appkey'] !== options.app.key)) {
			return send(401, 'AppId required', 'text/plain');
		}

		const failure = failures.shift();
		if (failure) return send(failure, 'upstream trouble', 'text/plain');

		if (url.pathname === '/accounts/ClientLogin') {
			const given = request.method === 'POST' ? form : url.searchParams;
			if (given.get('Email') !== user || given.get('Passwd') !== password) return send(401, '{"error_message":"access unauthorized"}');
			return send(200, `SID=${token}\nLSID=${token}\nAuth=${token}\n`, 'text/plain');
		}

		if (!url.pathname.startsWith('/reader/api/0/')) return send(404, 'not found', 'text/plain');
		// The merged form (query and body) for POST, as Go's ParseForm gives it; edit-tag's a and r from the body only.
		const merged = new URLSearchParams([...url.searchParams, ...form]);
		const authorised =
			request.method === 'POST' ? merged.get('T') === token : request.headers.authorization === `GoogleLogin auth=${token}`;
		if (!authorised) {
			response.writeHead(401, {'content-type': 'text/plain; charset=utf-8', 'x-reader-google-bad-token': 'true'});
			response.end('Unauthorized');
			return;
		}

		const endpoint = url.pathname.slice('/reader/api/0/'.length);
		const json = (value: unknown) => send(200, JSON.stringify(value));
		switch (`${request.method} ${endpoint}`) {
			case 'GET token':
				return send(200, token, 'text/plain');
			case 'GET user-info':
				return json({userId: '1', userName: user, userProfileId: '1', userEmail: user});
			case 'GET subscription/list':
				return json({
					subscriptions: feeds.map((feed) => ({
						id: `feed/${feed.id}`,
						title: feed.title,
						categories: [{id: `user/1/label/${feed.category}`, label: feed.category, type: 'folder'}],
						url: feed.url,
						htmlUrl: siteOf(feed.url),
						iconUrl: '',
					})),
				});
			case 'POST subscription/quickadd': {
				const feed = {id: nextFeed++, url: merged.get('quickadd')!, title: merged.get('quickadd')!, category: 'All'};
				feeds.push(feed);
				return json({numResults: 1, query: feed.url, streamId: `feed/${feed.id}`, streamName: feed.title});
			}

			case 'POST subscription/edit': {
				const action = merged.get('ac');
				const stream = merged.get('s') ?? '';
				const label = merged.get('a')?.replace(/^user\/[^/]+\/label\//, '');
				if (action === 'subscribe') {
					if (!stream.startsWith('feed/http')) return send(400, '{"error_message":"invalid feed URL"}');
					const feed = {id: nextFeed++, url: stream.slice(5), title: merged.get('t') ?? stream.slice(5), category: label ?? 'All'};
					feeds.push(feed);
					return send(200, 'OK', 'text/plain');
				}

				const feed = feedOf(stream);
				if (!feed) return send(400, '{"error_message":"invalid feed id"}');
				if (action === 'unsubscribe') {
					feeds.splice(feeds.indexOf(feed), 1);
					for (let index = items.length - 1; index >= 0; index--) if (items[index]!.feedId === feed.id) items.splice(index, 1);
					return send(200, 'OK', 'text/plain');
				}

				if (merged.get('t')) feed.title = merged.get('t')!;
				if (label) feed.category = label;
				return send(200, 'OK', 'text/plain');
			}

			case 'GET stream/items/ids': {
				const stream = url.searchParams.get('s');
				let list = [...items].sort((a, b) => b.published - a.published || b.id - a.id);
				if (stream === 'user/-/state/com.google/starred') list = list.filter((item) => item.starred);
				else if (stream === 'user/-/state/com.google/read') list = list.filter((item) => item.read);
				else if (stream?.startsWith('feed/')) list = list.filter((item) => `feed/${item.feedId}` === stream);
				else if (stream !== 'user/-/state/com.google/reading-list') return send(400, '{"error_message":"unsupported stream"}');
				if (url.searchParams.getAll('xt').includes('user/-/state/com.google/read')) list = list.filter((item) => !item.read);
				const ot = Number(url.searchParams.get('ot') ?? 0);
				if (ot) list = list.filter((item) => item.published > ot);
				const offset = Number(url.searchParams.get('c') ?? 0);
				const count = url.searchParams.has('n') ? Number(url.searchParams.get('n')) : list.length;
				const page = list.slice(offset, offset + count);
				return json({
					itemRefs: page.map((item) => ({id: String(item.id)})),
					...(offset + count < list.length ? {continuation: String(offset + count)} : {}),
				});
			}

			case 'POST stream/items/contents': {
				const wanted = new Set(merged.getAll('i').map(parseId));
				return json({
					direction: 'ltr',
					id: 'user/-/state/com.google/reading-list',
					updated: Math.floor(Date.now() / 1000),
					items: items
						.filter((item) => wanted.has(item.id))
						.map((item) => {
							const feed = feeds.find((entry) => entry.id === item.feedId)!;
							return {
								id: longId(item.id),
								categories: [
									'user/1/state/com.google/reading-list',
									`user/1/label/${feed.category}`,
									...(item.read ? ['user/1/state/com.google/read'] : []),
									...(item.starred ? ['user/1/state/com.google/starred'] : []),
								],
								title: item.title,
								crawlTimeMsec: String(item.published * 1000),
								timestampUsec: String(item.published * 1_000_000),
								published: item.published,
								updated: item.published,
								author: 'Staff',
								alternate: [{href: item.link, type: 'text/html'}],
								summary: {direction: 'ltr', content: `<p>${item.title} in full.</p>`},
								content: {direction: 'ltr', content: `<p>${item.title} in full.</p>`},
								origin: {streamId: `feed/${feed.id}`, title: feed.title, htmlUrl: siteOf(feed.url)},
								enclosure: [],
								canonical: [{href: item.link}],
							};
						}),
				});
			}

			case 'POST edit-tag': {
				const wanted = new Set(merged.getAll('i').map(parseId));
				const add = form.getAll('a');
				const remove = form.getAll('r');
				for (const item of items) {
					if (!wanted.has(item.id)) continue;
					if (add.includes('user/-/state/com.google/read')) item.read = true;
					if (remove.includes('user/-/state/com.google/read')) item.read = false;
					if (add.includes('user/-/state/com.google/starred')) item.starred = true;
					if (remove.includes('user/-/state/com.google/starred')) item.starred = false;
				}

				return send(200, 'OK', 'text/plain');
			}

			default:
				// Miniflux's catch-all: an endpoint it lacks answers 200 with an empty list.
				return json([]);
		}
	});

	return {
		...server,
		token,
		user,
		password,
		requests,
		feeds,
		items,
		addFeed(feed: {url: string; title: string; category?: string}): MinifluxFeed {
			const added = {id: nextFeed++, category: 'All', ...feed};
			feeds.push(added);
			return added;
		},
		addItem(feedId: number, item: {title: string; link: string; published?: number; read?: boolean; starred?: boolean}): MinifluxItem {
			const added = {id: nextItem++, feedId, published: Math.floor(Date.now() / 1000), read: false, starred: false, ...item};
			items.push(added);
			return added;
		},
		/** The next requests answer with these statuses (a service failing mid-sync). */
		failNext(...statuses: number[]) {
			failures = statuses;
		},
	};
}

function siteOf(url: string): string {
	return URL.canParse(url) && /^https?:/.test(url) ? new URL('/', url).href : '';
}
