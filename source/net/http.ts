import {userAgent} from '../version.js';
import {BroadsheetError, classifyNetworkError, describeUrl, isBroadsheetError} from './errors.js';

export const mebibyte = 1024 * 1024;

export type GetOptions = {
	/** What we hope to receive, sent as `Accept`. */
	readonly accept?: string;
	/** Body cap in bytes, counted after decompression. */
	readonly maxBytes?: number;
	/** Whole request, headers and body, in milliseconds. Default 30 s. */
	readonly timeoutMs?: number;
	/** Longest wait for the next byte, in milliseconds. Default 10 s. */
	readonly stallMs?: number;
	readonly maxRedirects?: number;
	/** Validators from an earlier response, for a conditional GET. */
	readonly etag?: string | undefined;
	readonly lastModified?: string | undefined;
	readonly userAgent?: string;
	/** Cancels the request from outside (a user leaving the screen, a shutdown). */
	readonly signal?: AbortSignal;
	/** A form to POST instead of a GET (the reading-service API); a POST follows no redirect. */
	readonly form?: URLSearchParams;
	/** Further request headers (an API's Authorization), sent only to the origin first asked, as URL credentials are. */
	readonly headers?: Readonly<Record<string, string>>;
};

export type Validators = {readonly etag: string | undefined; readonly lastModified: string | undefined};

export type FetchedBody = Validators & {
	readonly notModified: false;
	/** Where the body really came from, after redirects. */
	readonly url: string;
	readonly status: number;
	readonly contentType: string | undefined;
	/** The body, decompressed, in a buffer of its own (one that may be moved to a worker thread). */
	readonly body: Uint8Array;
	/** Every redirect followed, in order, with whether it was permanent (301/308). */
	readonly redirects: ReadonlyArray<{readonly from: string; readonly to: string; readonly permanent: boolean}>;
	/** What the user should hear although the request succeeded (a redirect from https to http). */
	readonly warnings: readonly string[];
};

export type NotModified = Validators & {readonly notModified: true; readonly url: string; readonly status: 304};

export type GetResult = FetchedBody | NotModified;

const defaults = {
	maxBytes: 15 * mebibyte,
	timeoutMs: 30_000,
	stallMs: 10_000,
	maxRedirects: 10,
};

/** The one HTTP request that feeds, pages and the reading-service API go through: a GET, or a form POST with `form`. */
export async function httpGet(rawUrl: string, options: GetOptions = {}): Promise<GetResult> {
	const maxBytes = options.maxBytes ?? defaults.maxBytes;
	// A redirected POST would become a GET, or resend the form somewhere else: neither is what was asked.
	const maxRedirects = options.form ? 0 : (options.maxRedirects ?? defaults.maxRedirects);
	let url = parseHttpUrl(rawUrl);
	const origin = url.origin;
	// Credentials in the URL (private feeds) go as Basic auth, and only ever to the origin they were given for.
	const credentials = takeCredentials(url);
	const redirects: Array<{from: string; to: string; permanent: boolean}> = [];
	const warnings: string[] = [];
	const send = await fetcher();

	const controller = new AbortController();
	let abortReason: BroadsheetError | undefined;
	const abort = (reason: BroadsheetError) => {
		abortReason ??= reason;
		controller.abort(reason);
	};

	const total = setTimeout(
		() =>
			abort(
				new BroadsheetError('timeout', `${describeUrl(rawUrl)}: timed out after ${seconds(options.timeoutMs ?? defaults.timeoutMs)}`, {
					url: rawUrl,
				}),
			),
		options.timeoutMs ?? defaults.timeoutMs,
	);
	const stallMs = options.stallMs ?? defaults.stallMs;
	let stall: NodeJS.Timeout | undefined;
	const armStall = () => {
		clearTimeout(stall);
		stall = setTimeout(
			() => abort(new BroadsheetError('timeout', `${describeUrl(url.href)}: no data for ${seconds(stallMs)}`, {url: url.href})),
			stallMs,
		);
	};

	const onOuterAbort = () => abort(new BroadsheetError('timeout', `${describeUrl(rawUrl)}: cancelled`, {url: rawUrl}));
	if (options.signal?.aborted) onOuterAbort();
	options.signal?.addEventListener('abort', onOuterAbort, {once: true});

	try {
		for (;;) {
			armStall();
			const headers: Record<string, string> = {
				'user-agent': options.userAgent ?? userAgent,
				accept: options.accept ?? '*/*',
				'accept-encoding': 'gzip, deflate, br',
			};
			// Validators belong to the URL they were given for; a redirect target is a new request.
			if (redirects.length === 0 && options.etag) headers['if-none-match'] = options.etag;
			if (redirects.length === 0 && options.lastModified) headers['if-modified-since'] = options.lastModified;
			if (credentials && url.origin === credentials.origin) headers['authorization'] = credentials.header;
			if (options.headers && url.origin === origin) Object.assign(headers, options.headers);
			if (options.form) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';

			let response: Response;
			try {
				response = await send(url, {
					headers,
					redirect: 'manual',
					signal: controller.signal,
					...(options.form ? {method: 'POST', body: options.form.toString()} : {}),
				});
			} catch (error) {
				throw abortReason ?? classifyNetworkError(error, url.href);
			}

			if (isRedirect(response.status)) {
				await response.body?.cancel().catch(() => undefined);
				const location = response.headers.get('location');
				if (!location) {
					throw new BroadsheetError('redirect', `${describeUrl(url.href)}: redirect without a Location`, {
						url: url.href,
						status: response.status,
					});
				}

				if (options.form) {
					throw new BroadsheetError(
						'redirect',
						`${describeUrl(url.href)}: answered a POST with a redirect (HTTP ${response.status}), not followed`,
						{
							url: url.href,
							status: response.status,
						},
					);
				}

				if (redirects.length >= maxRedirects) {
					throw new BroadsheetError('redirect', `${describeUrl(rawUrl)}: more than ${maxRedirects} redirects`, {url: rawUrl});
				}

				const next = redirectTarget(location, url, rawUrl);
				if (url.protocol === 'https:' && next.protocol === 'http:') {
					warnings.push(`${describeUrl(url.href)} redirected to ${describeUrl(next.href)}: no longer encrypted (https to http)`);
				}

				// As the caller would ask for them again: a private feed that moves on its origin keeps its credentials.
				redirects.push({
					from: withCredentials(url, credentials),
					to: withCredentials(next, credentials),
					permanent: response.status === 301 || response.status === 308,
				});
				url = next;
				continue;
			}

			const validators: Validators = {
				etag: response.headers.get('etag') ?? undefined,
				lastModified: response.headers.get('last-modified') ?? undefined,
			};

			if (response.status === 304) {
				await response.body?.cancel().catch(() => undefined);
				return {notModified: true, url: withCredentials(url, credentials), status: 304, ...validators};
			}

			if (response.status < 200 || response.status > 299) {
				await response.body?.cancel().catch(() => undefined);
				throw new BroadsheetError('http', `${describeUrl(url.href)}: HTTP ${response.status}${statusText(response)}`, {
					url: url.href,
					status: response.status,
					retryAfter: response.headers.get('retry-after') ?? undefined,
				});
			}

			const declared = Number(response.headers.get('content-length'));
			const encoded = response.headers.get('content-encoding');
			if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
				await response.body?.cancel().catch(() => undefined);
				throw tooLarge(url.href, maxBytes);
			}

			const body = await readCapped(response, maxBytes, armStall, () => abort(tooLarge(url.href, maxBytes))).catch((error: unknown) => {
				throw abortReason ?? classifyNetworkError(error, url.href);
			});

			return {
				notModified: false,
				url: withCredentials(url, credentials),
				status: response.status,
				contentType: response.headers.get('content-type') ?? undefined,
				body,
				redirects,
				warnings,
				...validators,
			};
		}
	} finally {
		clearTimeout(total);
		clearTimeout(stall);
		options.signal?.removeEventListener('abort', onOuterAbort);
	}
}

/** Reads the (already decompressed) body, aborting the request the moment it passes the cap. */
async function readCapped(response: Response, maxBytes: number, onProgress: () => void, onTooLarge: () => void): Promise<Uint8Array> {
	if (!response.body) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = response.body.getReader();
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			onTooLarge();
			await reader.cancel().catch(() => undefined);
			throw new Error('body over the size cap');
		}

		chunks.push(value);
		onProgress();
	}

	return concat(chunks, size);
}

/** The chunks in one new buffer of exactly their size, even for one chunk: a stream's chunk may be a view into a buffer it reuses, and the caller may move this one to a worker. */
function concat(chunks: Uint8Array[], size: number): Uint8Array {
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}

	return out;
}

/** Where a redirect points, as an http(s) URL; anything else (file:, ftp:, data:) fails naming the URL asked for. */
function redirectTarget(location: string, from: URL, requested: string): URL {
	try {
		const next = parseHttpUrl(location, from);
		// Credentials a server puts in a Location are not ours to send.
		next.username = '';
		next.password = '';
		return next;
	} catch (error) {
		if (!isBroadsheetError(error)) throw error;
		const target = describeUrl(/^[a-z][a-z\d+.-]*:/i.test(location.trim()) ? location.trim().split(/[?#]/)[0]! : location);
		throw new BroadsheetError('unsupported-protocol', `${describeUrl(requested)}: redirected to ${target}, which is not an http(s) URL`, {
			url: requested,
			cause: error,
		});
	}
}

type Credentials = {origin: string; header: string; username: string; password: string};

/** Removes user:password from `url` and returns the Basic auth header for its origin, if it had any. */
function takeCredentials(url: URL): Credentials | undefined {
	const {username, password} = url;
	if (!username && !password) return undefined;
	const pair = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
	url.username = '';
	url.password = '';
	return {origin: url.origin, header: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`, username, password};
}

/** Where the body came from, as the caller may ask again: with the credentials when it is still their origin. */
function withCredentials(url: URL, credentials: Credentials | undefined): string {
	if (!credentials || url.origin !== credentials.origin) return url.href;
	const copy = new URL(url);
	copy.username = credentials.username;
	copy.password = credentials.password;
	return copy.href;
}

type Fetch = (
	url: URL,
	init: {headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal; method?: string; body?: string},
) => Promise<Response>;
let proxied: Promise<Fetch> | undefined;

/**
 * Node's fetch, or, where HTTPS_PROXY / HTTP_PROXY (or their lower-case forms) are set, undici's
 * fetch through its EnvHttpProxyAgent, which honours NO_PROXY as curl does. undici loads only then.
 */
async function fetcher(env: NodeJS.ProcessEnv = process.env): Promise<Fetch> {
	// As curl reads them: the lower-case name first; an empty value counts as unset (undici's own reading lets "" win).
	const variable = (name: string) => env[name] || env[name.toUpperCase()] || undefined;
	const httpProxy = variable('http_proxy');
	const httpsProxy = variable('https_proxy');
	if (!httpProxy && !httpsProxy) return fetch;
	proxied ??= import('undici').then(({EnvHttpProxyAgent, fetch: undiciFetch}) => {
		const dispatcher = new EnvHttpProxyAgent({
			...(httpProxy ? {httpProxy} : {}),
			...(httpsProxy ? {httpsProxy} : {}),
			noProxy: variable('no_proxy') ?? '',
			// Plain http goes to the proxy as an ordinary request, as curl sends it: many proxies allow CONNECT to 443 only.
			proxyTunnel: false,
		});
		return async (url, init) => (await undiciFetch(url, {...init, dispatcher})) as unknown as Response;
	});
	return proxied;
}

/** Accepts only absolute http(s) URLs (relative ones resolved against `base`). */
export function parseHttpUrl(input: string, base?: URL): URL {
	let url: URL;
	try {
		url = new URL(input.trim(), base);
	} catch {
		throw new BroadsheetError('invalid-url', `not a valid URL: ${describeUrl(input)}`, {url: input});
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new BroadsheetError('unsupported-protocol', `only http and https URLs are fetched, not ${describeUrl(url.protocol)}`, {
			url: input,
		});
	}

	url.hash = '';
	return url;
}

function isRedirect(status: number): boolean {
	return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function tooLarge(url: string, maxBytes: number): BroadsheetError {
	return new BroadsheetError('too-large', `${describeUrl(url)}: larger than ${formatBytes(maxBytes)}`, {url});
}

function statusText(response: Response): string {
	return response.statusText ? ` ${response.statusText}` : '';
}

function seconds(ms: number): string {
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function formatBytes(bytes: number): string {
	if (bytes >= mebibyte) return `${Math.round((bytes / mebibyte) * 10) / 10} MiB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
	return `${bytes} B`;
}
