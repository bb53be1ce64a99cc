import {rename, unlink, writeFile} from 'node:fs/promises';
import {articleForItem} from '../articles/article-for-item.js';
import type {ArticleDocument} from '../articles/document.js';
import {itemFormats, renderItems, type ExportEntry, type ItemFormat} from '../export/items.js';
import {subscriptionsToOpml} from '../export/opml.js';
import {runLimited} from '../refresh/schedule.js';
import {feedTitles, matchSubscriptions, subscriptionsWithTag, type AppContext} from './context.js';
import {exitCode, UsageError, writeOut} from './output.js';

export type ExportOptions = {
	readonly format: string | undefined;
	readonly feeds: readonly string[];
	readonly tag: string | undefined;
	readonly unread: boolean;
	readonly starred: boolean;
	readonly since: string | undefined;
	readonly limit: number | undefined;
	readonly full: boolean;
	readonly markRead: boolean;
	readonly output: string | undefined;
};

const formats = [...itemFormats, 'opml'] as const;

/** `broadsheet export`: headlines (or, with --full, whole articles) as JSON, NDJSON, Markdown, HTML or CSV; subscriptions as OPML. */
export async function exportCommand(context: AppContext, options: ExportOptions): Promise<number> {
	const format = (options.format ?? 'json') as (typeof formats)[number];
	if (!formats.includes(format)) throw new UsageError(`unknown export format "${options.format}": use ${formats.join(', ')}`);
	if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1))
		throw new UsageError('--limit must be a positive whole number');
	const since = options.since === undefined ? undefined : parseSince(options.since, new Date());
	const now = new Date();

	let subscriptions = matchSubscriptions(context, options.feeds);
	if (options.tag !== undefined) {
		const tagged = new Set(subscriptionsWithTag(context, options.tag).map((subscription) => subscription.url));
		subscriptions = subscriptions.filter((subscription) => tagged.has(subscription.url));
	}

	if (format === 'opml') {
		await deliver(subscriptionsToOpml(subscriptions, feedTitles(context), now), options.output);
		return exitCode.ok;
	}

	const filtered = options.feeds.length > 0 || options.tag !== undefined;
	const urls = new Set(subscriptions.map((subscription) => subscription.url));
	const items = context.store.items({
		...(filtered
			? {
					feedIds: context.store
						.feeds()
						.filter((feed) => urls.has(feed.url))
						.map((feed) => feed.id),
				}
			: {}),
		unreadOnly: options.unread,
		starredOnly: options.starred,
		...(since ? {since} : {}),
		...(options.limit ? {limit: options.limit} : {}),
	});

	const articles = new Map<number, ArticleDocument>();
	if (options.full) {
		const userAgent = context.settings.get('userAgent') ?? undefined;
		await runLimited(items, {limit: 4, perKeyLimit: 2, key: (item) => hostOf(item.link)}, async (item) => {
			articles.set(item.id, await articleForItem(context.store, item, {userAgent}));
		});
	}

	const entries: ExportEntry[] = items.map((item) => (options.full ? {item, article: articles.get(item.id) ?? null} : {item}));
	await deliver(renderItems(entries, format as ItemFormat, now), options.output);
	if (options.markRead)
		context.store.setRead(
			items.map((item) => item.id),
			true,
		);
	return exitCode.ok;
}

/** "24h", "90m", "7d", "2w" back from now, or a date/time. */
export function parseSince(value: string, now: Date): string {
	const relative = /^(\d+)\s*([mhdw])$/i.exec(value.trim());
	if (relative) {
		const unit = {m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000}[relative[2]!.toLowerCase() as 'm' | 'h' | 'd' | 'w'];
		return new Date(now.getTime() - Number(relative[1]) * unit).toISOString();
	}

	const time = Date.parse(value);
	if (Number.isNaN(time)) throw new UsageError(`--since takes a duration (24h, 7d) or a date (2026-11-01), not "${value}"`);
	return new Date(time).toISOString();
}

/** To stdout, or to a file through a temporary file and a rename: a reader never sees half an export. */
async function deliver(text: string, output: string | undefined): Promise<void> {
	if (!output) {
		await writeOut(text);
		return;
	}

	const temporary = `${output}.${process.pid}.tmp`;
	try {
		await writeFile(temporary, text);
		await rename(temporary, output);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}

function hostOf(link: string | null): string {
	try {
		return link ? new URL(link).host : '';
	} catch {
		return '';
	}
}
