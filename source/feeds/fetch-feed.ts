import {BroadsheetError, describeUrl} from '../net/errors.js';
import {httpGet, mebibyte, type GetOptions, type Validators} from '../net/http.js';
import type {ParsedFeed} from './item.js';
import {parseFeedBytes} from './parse.js';

export const feedAccept =
	'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export type FetchedFeed =
	| (Validators & {readonly notModified: true; readonly url: string})
	| (Validators & {
			readonly notModified: false;
			readonly url: string;
			readonly feed: ParsedFeed;
			readonly redirects: ReadonlyArray<{readonly from: string; readonly to: string; readonly permanent: boolean}>;
			/** The network's warnings (https to http), apart from the feed's own (`feed.warnings`). */
			readonly warnings: readonly string[];
	  });

/** Decodes and parses a feed's bytes (`parseFeedBytes`, or the same on a worker thread); it may take ownership of `body`. */
export type FeedParser = (body: Uint8Array, contentType: string | undefined, url: string) => Promise<ParsedFeed>;

/** Conditional GET of a feed, decoded by its declared charset and parsed (by `parse`, e.g. off the main thread). */
export async function fetchFeed(url: string, options: Omit<GetOptions, 'accept'> & {parse?: FeedParser} = {}): Promise<FetchedFeed> {
	const {parse: _parse, ...getOptions} = options;
	const response = await httpGet(url, {maxBytes: 15 * mebibyte, ...getOptions, accept: feedAccept});
	if (response.notModified) return response;
	try {
		const feed = await (options.parse ?? parseFeedBytes)(response.body, response.contentType, response.url);
		return {
			notModified: false,
			url: response.url,
			feed,
			redirects: response.redirects,
			warnings: response.warnings,
			etag: response.etag,
			lastModified: response.lastModified,
		};
	} catch (error) {
		if (error instanceof BroadsheetError) {
			throw new BroadsheetError(error.kind, `${describeUrl(response.url)}: ${error.message}`, {url: response.url, cause: error});
		}

		throw error;
	}
}
