import type {RawEntry} from '../feeds/raw-entry.js';
import {normaliseEntry} from '../feeds/normalise.js';
import {escapeHtml} from '../text/escape-html.js';
import {isRecord} from '../is-record.js';
import type {RemoteEntry} from '../store/sync-ledger.js';
import {decimalId, type RemoteItem} from './greader-client.js';

/** An item from `stream/items/contents` as Broadsheet stores it, with the feed it came from; undefined when unusable. */
export function fromRemoteItem(item: RemoteItem): (RemoteEntry & {readonly origin: string}) | undefined {
	const longId = typeof item['id'] === 'string' ? item['id'] : undefined;
	const remoteId = decimalId(item['id']);
	const origin = isRecord(item['origin']) && typeof item['origin']['streamId'] === 'string' ? item['origin']['streamId'] : undefined;
	if (!longId || !remoteId || !origin) return undefined;
	const link = firstHref(item['canonical']) ?? firstHref(item['alternate']);
	const summary = htmlOf(item['summary']);
	const content = htmlOf(item['content']);
	const raw: RawEntry = {
		guid: longId,
		// Titles are text; FreshRSS writes & < > in them as full-width ＆ ＜ ＞.
		title: typeof item['title'] === 'string' ? escapeHtml(item['title'].replace(/[＆＜＞]/g, (char) => fullWidth[char]!)) : undefined,
		link: link ?? undefined,
		published: typeof item['published'] === 'number' ? new Date(item['published'] * 1000).toISOString() : undefined,
		author: typeof item['author'] === 'string' ? item['author'] : undefined,
		// Miniflux sends the same HTML as summary and content: kept once, as the content.
		summary: summary === content ? undefined : summary,
		content,
		categories: Array.isArray(item['categories'])
			? item['categories'].filter((category) => typeof category === 'string' && !category.startsWith('user/'))
			: undefined,
		enclosure: enclosureOf(item['enclosure']),
	};
	const normalised = normaliseEntry(raw, link ?? 'https://invalid.example/');
	if (!normalised) return undefined;
	const states = Array.isArray(item['categories']) ? item['categories'].filter((category) => typeof category === 'string') : [];
	return {
		remoteId,
		origin,
		item: normalised,
		read: states.some((state) => /^user\/[^/]+\/state\/com\.google\/read$/.test(state)),
		starred: states.some((state) => /^user\/[^/]+\/state\/com\.google\/starred$/.test(state)),
	};
}

const fullWidth: Record<string, string> = {'＆': '&', '＜': '<', '＞': '>'};

function firstHref(value: unknown): string | undefined {
	if (!Array.isArray(value)) return undefined;
	const first: unknown = value[0];
	return isRecord(first) && typeof first['href'] === 'string' ? first['href'] : undefined;
}

function htmlOf(value: unknown): string | undefined {
	return isRecord(value) && typeof value['content'] === 'string' && value['content'].trim() ? value['content'] : undefined;
}

function enclosureOf(value: unknown): RawEntry['enclosure'] {
	if (!Array.isArray(value)) return undefined;
	const first: unknown = value[0];
	if (!isRecord(first) || typeof first['href'] !== 'string') return undefined;
	return {url: first['href'], type: first['type'], length: first['length']};
}
