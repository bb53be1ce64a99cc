import {decodeXML} from 'entities';
import {DOMParser} from 'linkedom';
import type {Subscription} from '../config/subscription.js';
import {absoluteHttpUrl, redactUrl} from '../net/url.js';
import type {SubscribedFeed} from '../store/subscribed-feeds.js';
import {escapeHtml} from '../text/escape-html.js';
import {collapseWhitespace} from '../text/html-text.js';
import {sanitizeTerminal} from '../text/sanitize.js';

/** Subscriptions as OPML 2.0; tags become folders (a feed with several tags appears in each). */
export function subscriptionsToOpml(feeds: ReadonlyArray<SubscribedFeed<unknown>>, now: Date): string {
	const subscriptions = feeds.map((feed) => feed.subscription);
	const titles = new Map(feeds.map((feed) => [feed.subscription.url, feed.title]));
	const outline = (subscription: Subscription, indent: string) => {
		const title = sanitizeTerminal(titles.get(subscription.url) ?? redactUrl(subscription.url), {maxLength: 300});
		return `${indent}<outline type="rss" text="${escapeHtml(title)}" title="${escapeHtml(title)}" xmlUrl="${escapeHtml(redactUrl(subscription.url))}"/>`;
	};

	const untagged = subscriptions.filter((subscription) => subscription.tags.length === 0);
	const tags = [...new Set(subscriptions.flatMap((subscription) => subscription.tags))].sort((a, b) => a.localeCompare(b));
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<opml version="2.0">',
		'  <head>',
		'    <title>Broadsheet subscriptions</title>',
		`    <dateCreated>${now.toUTCString()}</dateCreated>`,
		'  </head>',
		'  <body>',
		...tags.flatMap((tag) => [
			`    <outline text="${escapeHtml(sanitizeTerminal(tag))}" title="${escapeHtml(sanitizeTerminal(tag))}">`,
			...subscriptions.filter((subscription) => subscription.tags.includes(tag)).map((subscription) => outline(subscription, '      ')),
			'    </outline>',
		]),
		...untagged.map((subscription) => outline(subscription, '    ')),
		'  </body>',
		'</opml>',
	];
	return lines.join('\n') + '\n';
}

export type OpmlImport = {
	readonly subscriptions: Subscription[];
	readonly skipped: ReadonlyArray<{readonly url: string; readonly reason: string}>;
};

/** Reads OPML: only http(s) feed URLs, deduplicated; the titles of enclosing outlines become tags. */
export function parseOpml(xml: string): OpmlImport {
	const document = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml');
	const body = document.querySelector('body');
	if (!document.querySelector('opml') || !body) throw new Error('not an OPML document');
	const found = new Map<string, Subscription>();
	const skipped: Array<{url: string; reason: string}> = [];

	const walk = (parent: Element, tags: string[]) => {
		for (const outline of Array.from(parent.children)) {
			if (outline.tagName.toLowerCase() !== 'outline') continue;
			const label = collapseWhitespace(attribute(outline, 'title') ?? attribute(outline, 'text') ?? '');
			const raw = attribute(outline, 'xmlUrl') ?? attribute(outline, 'xmlurl');
			if (raw === null) {
				walk(outline, label ? [...tags, label] : tags);
				continue;
			}

			const url = /^https?:\/\//i.test(raw.trim()) ? absoluteHttpUrl(raw, raw.trim()) : null;
			if (!url) {
				skipped.push({url: raw, reason: 'not an http(s) URL'});
				continue;
			}

			const existing = found.get(url);
			if (existing) {
				for (const tag of tags) if (!existing.tags.includes(tag)) existing.tags.push(tag);
				skipped.push({url, reason: 'listed twice'});
				continue;
			}

			found.set(url, {url, ...(label ? {title: label} : {}), tags: [...tags]});
			walk(outline, tags);
		}
	};

	walk(body, []);
	return {subscriptions: [...found.values()], skipped};
}

/** linkedom's XML mode hands attribute values back still entity-encoded (`&amp;`): decode them once. */
function attribute(element: Element, name: string): string | null {
	const value = element.getAttribute(name);
	return value === null ? null : decodeXML(value);
}
