import {BroadsheetError, describeUrl, isBroadsheetError} from '../net/errors.js';
import {httpGet, mebibyte, type GetResult} from '../net/http.js';
import {isRecord} from '../is-record.js';
import type {AppCredentials, SyncAccount} from './account.js';
import {absoluteHttpUrl} from '../net/url.js';

/** The Google Reader API's stream and state names. */
export const streams = {
	readingList: 'user/-/state/com.google/reading-list',
	read: 'user/-/state/com.google/read',
	starred: 'user/-/state/com.google/starred',
} as const;

export type RemoteSubscription = {
	/** The service's stream id for the feed ("feed/12"). */
	readonly id: string;
	readonly url: string;
	readonly title: string | null;
	readonly siteUrl: string | null;
	/** Folder names (labels), in the service's order. */
	readonly folders: readonly string[];
};

/** One item as `stream/items/contents` gives it, fields unchecked beyond their type. */
export type RemoteItem = Record<string, unknown>;

export type ClientOptions = {
	readonly userAgent?: string | undefined;
	/** Sent as AppId and AppKey on every request, ClientLogin included (Inoreader asks for a registered app's). */
	readonly app?: AppCredentials | undefined;
	/** Tries per request when the service is unreachable or answers 5xx/429, waiting base × 2ⁿ between (default 3 tries, 500 ms). */
	readonly attempts?: number;
	readonly retryBaseMs?: number;
	/** Counts every request sent (the bench reports requests per sync). */
	readonly onRequest?: (path: string) => void;
	readonly signal?: AbortSignal;
};

const loginPath = '/accounts/ClientLogin';
const apiPath = '/reader/api/0/';

/**
 * ClientLogin: trades a user and password for the service's auth token. The password goes in the
 * POST body to the service only, and is never kept. A refusal says so plainly.
 */
export async function clientLogin(service: string, user: string, password: string, options: ClientOptions = {}): Promise<string> {
	options.onRequest?.(loginPath);
	let response: GetResult;
	try {
		response = await httpGet(service + loginPath, {
			form: new URLSearchParams({Email: user, Passwd: password}),
			accept: 'text/plain, application/json',
			maxBytes: mebibyte,
			headers: appHeaders(options),
			...requestOptions(options),
		});
	} catch (error) {
		if (isBroadsheetError(error) && (error.status === 401 || error.status === 403)) {
			throw new BroadsheetError(
				'http',
				`${describeUrl(service)}: the service refused user ${user} with that password (HTTP ${error.status})`,
				{
					status: error.status,
					url: service,
				},
			);
		}

		throw error;
	}

	const text = bodyText(response);
	const auth = /^Auth=(.+)$/m.exec(text)?.[1]?.trim() ?? jsonAuth(text);
	if (!auth) throw unexpected(service + loginPath, 'no Auth token in the ClientLogin answer');
	return auth;
}

/**
 * The Google Reader API of one service, as one user. Speaks the dialects in use: FreshRSS reads the
 * auth header everywhere, Miniflux reads it on GET only and wants the token as `T` in every POST body
 * (both are sent); both answer `stream/items/ids` and `stream/items/contents`.
 */
export class GoogleReaderClient {
	/** The client for a logged-in account, with its app credentials if it has them. */
	static forAccount(account: SyncAccount, options: ClientOptions = {}): GoogleReaderClient {
		return new GoogleReaderClient(account.service, account.auth, {...options, ...(account.app ? {app: account.app} : {})});
	}

	private actionToken: string | undefined;

	constructor(
		readonly service: string,
		private readonly auth: string,
		private readonly options: ClientOptions = {},
	) {}

	/** Who the token belongs to (checks a login). */
	async userName(): Promise<string> {
		const value = await this.getJson('user-info', {});
		const name = isRecord(value) ? (value['userName'] ?? value['userEmail'] ?? value['userId']) : undefined;
		if (typeof name !== 'string' && typeof name !== 'number') throw unexpected(this.url('user-info'), 'no user in user-info');
		return String(name);
	}

	async subscriptions(): Promise<RemoteSubscription[]> {
		const value = await this.getJson('subscription/list', {});
		const list = isRecord(value) ? value['subscriptions'] : undefined;
		if (!Array.isArray(list)) throw unexpected(this.url('subscription/list'), 'no subscriptions list');
		return list.flatMap((entry): RemoteSubscription[] => {
			// Only http(s) feeds become subscriptions: a service's list is as untrusted as a feed.
			if (
				!isRecord(entry) ||
				typeof entry['id'] !== 'string' ||
				typeof entry['url'] !== 'string' ||
				!absoluteHttpUrl(entry['url'], entry['url'])
			) {
				return [];
			}

			const categories = Array.isArray(entry['categories']) ? entry['categories'] : [];
			const folders = categories.flatMap((category) => {
				if (!isRecord(category)) return [];
				const label = typeof category['label'] === 'string' ? category['label'] : labelName(category['id']);
				return label ? [label] : [];
			});
			return [
				{
					id: entry['id'],
					url: entry['url'],
					title: typeof entry['title'] === 'string' && entry['title'] ? entry['title'] : null,
					siteUrl: typeof entry['htmlUrl'] === 'string' && entry['htmlUrl'] ? entry['htmlUrl'] : null,
					folders,
				},
			];
		});
	}

	/**
	 * Every item id of a stream (decimal strings), newest first, following continuations up to `limit`.
	 * `exclude` is one state (`xt`), `since` Unix seconds (`ot`).
	 */
	async itemIds(stream: string, options: {exclude?: string; since?: number; limit?: number} = {}): Promise<string[]> {
		const limit = options.limit ?? Number.POSITIVE_INFINITY;
		const ids: string[] = [];
		const seen = new Set<string>();
		let continuation: string | undefined;
		for (;;) {
			// Ids are small (~30 bytes each): large pages keep a sync to one request per list (FreshRSS's default page is 20).
			const page = Math.min(100_000, limit - ids.length);
			const value = await this.getJson('stream/items/ids', {
				s: stream,
				n: String(page),
				...(options.exclude ? {xt: options.exclude} : {}),
				...(options.since === undefined ? {} : {ot: String(Math.max(0, Math.floor(options.since)))}),
				...(continuation ? {c: continuation} : {}),
			});
			const refs = isRecord(value) ? value['itemRefs'] : undefined;
			// Some services leave itemRefs out (or null) for an empty stream.
			if (refs !== undefined && refs !== null && !Array.isArray(refs))
				throw unexpected(this.url('stream/items/ids'), 'itemRefs is not a list');
			let added = 0;
			for (const ref of refs ?? []) {
				const id = isRecord(ref) ? decimalId(ref['id']) : undefined;
				if (id && !seen.has(id)) {
					seen.add(id);
					ids.push(id);
					added++;
				}
			}

			const next =
				isRecord(value) && (typeof value['continuation'] === 'string' || typeof value['continuation'] === 'number')
					? String(value['continuation'])
					: '';
			// A continuation that brings nothing new would loop for ever.
			if (!next || next === continuation || added === 0 || ids.length >= limit) return ids;
			continuation = next;
		}
	}

	/** The items with these ids (decimal or long form), in batches the services take. */
	async *itemContents(ids: readonly string[], batchSize = 250): AsyncGenerator<RemoteItem[]> {
		for (let start = 0; start < ids.length; start += batchSize) {
			const form = new URLSearchParams();
			for (const id of ids.slice(start, start + batchSize)) form.append('i', id);
			const value = await this.postJson('stream/items/contents', form);
			const items = isRecord(value) ? value['items'] : undefined;
			if (!Array.isArray(items)) throw unexpected(this.url('stream/items/contents'), 'no items list');
			yield items.filter((item) => isRecord(item));
		}
	}

	/** Adds or removes one state or label on items: one `a=` or `r=` per request (FreshRSS applies only the last of several). */
	async editTag(ids: readonly string[], change: {add: string} | {remove: string}): Promise<void> {
		const form = new URLSearchParams();
		for (const id of ids) form.append('i', id);
		if ('add' in change) form.set('a', change.add);
		else form.set('r', change.remove);
		await this.postOk('edit-tag', form);
	}

	/** Subscribes to a feed URL; returns the service's stream id for it. */
	async subscribe(feedUrl: string): Promise<{id: string; title: string | null}> {
		const value = await this.postJson('subscription/quickadd', new URLSearchParams({quickadd: feedUrl}));
		const id = isRecord(value) ? value['streamId'] : undefined;
		if (typeof id !== 'string' || !id) {
			const reason = isRecord(value) && typeof value['error'] === 'string' ? value['error'] : 'it found no feed there';
			throw new BroadsheetError('http', `${describeUrl(this.service)} could not subscribe to ${describeUrl(feedUrl)}: ${reason}`, {
				url: feedUrl,
			});
		}

		return {id, title: isRecord(value) && typeof value['streamName'] === 'string' ? value['streamName'] : null};
	}

	/** Sets a subscription's title and moves it into a folder or out of one. */
	async editSubscription(id: string, change: {title?: string; addFolder?: string; removeFolder?: string}): Promise<void> {
		const form = new URLSearchParams({ac: 'edit', s: id});
		if (change.title !== undefined) form.set('t', change.title);
		if (change.addFolder) form.set('a', labelStream(change.addFolder));
		if (change.removeFolder) form.set('r', labelStream(change.removeFolder));
		await this.postOk('subscription/edit', form);
	}

	async unsubscribe(id: string): Promise<void> {
		await this.postOk('subscription/edit', new URLSearchParams({ac: 'unsubscribe', s: id}));
	}

	async renameFolder(from: string, to: string): Promise<void> {
		await this.postOk('rename-tag', new URLSearchParams({s: labelStream(from), dest: labelStream(to)}));
	}

	private url(path: string, query: Record<string, string> = {}): string {
		const search = new URLSearchParams({...query, output: 'json'});
		return `${this.service}${apiPath}${path}?${search.toString()}`;
	}

	private async getJson(path: string, query: Record<string, string>): Promise<unknown> {
		return parseJson(this.url(path, query), await this.request(path, this.url(path, query)));
	}

	private async postJson(path: string, form: URLSearchParams): Promise<unknown> {
		return parseJson(this.url(path), await this.request(path, this.url(path), await this.withToken(form)));
	}

	private async postOk(path: string, form: URLSearchParams): Promise<void> {
		const text = (await this.request(path, this.url(path), await this.withToken(form))).trim();
		// Miniflux answers an endpoint it lacks with 200 and "[]": that is not a yes.
		if (text !== 'OK') throw unexpected(this.url(path), `answered ${JSON.stringify(text.slice(0, 40))} instead of OK`);
	}

	/** The action token `T`, fetched once per client: FreshRSS checks it on edits, Miniflux takes it as the POST's login. */
	private async withToken(form: URLSearchParams): Promise<URLSearchParams> {
		this.actionToken ??= (await this.request('token', `${this.service}${apiPath}token`)).trim();
		form.set('T', this.actionToken);
		return form;
	}

	/** One request with the auth header, retried with back-off while the service is unreachable or failing (5xx, 429). */
	private async request(path: string, url: string, form?: URLSearchParams): Promise<string> {
		const attempts = this.options.attempts ?? 3;
		for (let attempt = 1; ; attempt++) {
			this.options.onRequest?.(path);
			try {
				const response = await httpGet(url, {
					headers: {authorization: `GoogleLogin auth=${this.auth}`, ...appHeaders(this.options)},
					accept: 'application/json, text/plain',
					maxBytes: 64 * mebibyte,
					timeoutMs: 120_000,
					stallMs: 60_000,
					...(form ? {form} : {}),
					...requestOptions(this.options),
				});
				return bodyText(response);
			} catch (error) {
				if (isBroadsheetError(error) && error.status === 401) {
					throw new BroadsheetError(
						'http',
						`${describeUrl(this.service)} no longer accepts Broadsheet's login (HTTP 401): log in again with broadsheet sync login`,
						{status: 401, url: this.service},
					);
				}

				if (attempt >= attempts || !isBroadsheetError(error) || !retryable(error) || this.options.signal?.aborted) throw error;
				await delay((this.options.retryBaseMs ?? 500) * 2 ** (attempt - 1));
			}
		}
	}
}

/** The label stream of a folder name. */
export function labelStream(name: string): string {
	return `user/-/label/${name}`;
}

/** A folder's name from its label stream ("user/-/label/News", "user/1/label/News"), else undefined. */
export function labelName(stream: unknown): string | undefined {
	if (typeof stream !== 'string') return undefined;
	return /^user\/[^/]+\/label\/(.+)$/.exec(stream)?.[1];
}

/** An item id as a decimal string, from the decimal or the long hexadecimal form (tag:google.com,2005:reader/item/<hex>). */
export function decimalId(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	if (typeof value !== 'string' || !value) return undefined;
	if (/^\d+$/.test(value)) return BigInt(value).toString();
	const hex = /(?:^|\/)([\da-f]{1,16})$/i.exec(value)?.[1];
	return hex ? BigInt(`0x${hex}`).toString() : undefined;
}

function appHeaders(options: ClientOptions): Record<string, string> {
	return options.app ? {AppId: options.app.id, AppKey: options.app.key} : {};
}

function requestOptions(options: ClientOptions) {
	return {...(options.userAgent ? {userAgent: options.userAgent} : {}), ...(options.signal ? {signal: options.signal} : {})};
}

function retryable(error: BroadsheetError): boolean {
	if (error.kind === 'http') return error.status === undefined || error.status >= 500 || error.status === 429;
	return error.kind === 'refused' || error.kind === 'reset' || error.kind === 'timeout' || error.kind === 'dns';
}

function bodyText(response: GetResult): string {
	return response.notModified ? '' : new TextDecoder().decode(response.body);
}

function parseJson(url: string, text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw unexpected(url, 'the answer is not JSON');
	}
}

function jsonAuth(text: string): string | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return isRecord(value) && typeof value['Auth'] === 'string' ? value['Auth'] : undefined;
	} catch {
		return undefined;
	}
}

function unexpected(url: string, what: string): BroadsheetError {
	return new BroadsheetError('parse', `${describeUrl(url.split('?')[0]!)}: unexpected answer (${what}): is this a Google Reader API?`, {
		url,
	});
}

async function delay(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}
