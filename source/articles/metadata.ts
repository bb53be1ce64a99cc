import {absoluteHttpUrl} from '../net/url.js';
import {normaliseDate} from '../text/dates.js';
import {collapseWhitespace} from '../text/html-text.js';

/** What the page says about itself: JSON-LD first, then OpenGraph and other meta tags. */
export type PageMetadata = {
	readonly title: string | null;
	readonly byline: string | null;
	readonly siteName: string | null;
	readonly published: string | null;
	readonly description: string | null;
	readonly canonicalUrl: string | null;
	readonly imageUrl: string | null;
	readonly language: string | null;
	/** JSON-LD `articleBody`: the article's text as the publisher gives it, evidence for where the body is. */
	readonly articleBody: string | null;
	/** What relative links resolve against: `<base href>` or the page URL. */
	readonly baseUrl: string;
};

type JsonLdArticle = Record<string, unknown>;

const articleTypes =
	/^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage)$/;

export function readPageMetadata(document: Document, pageUrl: string): PageMetadata {
	const meta = metaTags(document);
	const ld = jsonLdArticle(document);
	const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta.get('og:url');
	// A saved page (file:) resolves its relative links against the address it was saved from.
	const baseUrl =
		absoluteHttpUrl(document.querySelector('base[href]')?.getAttribute('href'), pageUrl) ??
		(pageUrl.startsWith('file:') ? absoluteHttpUrl(canonical, pageUrl) : null) ??
		pageUrl;
	const ldAuthors = personNames(ld?.['author']);
	const publisher = nameOf(ld?.['publisher']);
	const siteName = text(meta.get('og:site_name')) ?? publisher ?? text(meta.get('application-name'));
	const byline = ldAuthors ?? text(meta.get('author')) ?? text(meta.get('article:author')) ?? text(meta.get('parsely-author'));

	return {
		title:
			text(ld?.['headline']) ??
			text(meta.get('og:title')) ??
			text(meta.get('twitter:title')) ??
			text(document.querySelector('h1')?.textContent),
		byline: byline && byline !== siteName && !/^https?:/.test(byline) ? byline : null,
		siteName,
		published:
			normaliseDate(ld?.['datePublished']) ??
			normaliseDate(meta.get('article:published_time')) ??
			normaliseDate(meta.get('date')) ??
			normaliseDate(meta.get('dc.date')) ??
			normaliseDate(document.querySelector('time[datetime]')?.getAttribute('datetime')),
		description: text(ld?.['description']) ?? text(meta.get('og:description')) ?? text(meta.get('description')),
		canonicalUrl: absoluteHttpUrl(canonical, baseUrl),
		imageUrl: absoluteHttpUrl(meta.get('og:image') ?? imageOf(ld?.['image']), baseUrl),
		language: text(document.documentElement?.getAttribute('lang')) ?? text(ld?.['inLanguage']) ?? text(meta.get('og:locale')),
		articleBody: typeof ld?.['articleBody'] === 'string' ? ld['articleBody'] : null,
		baseUrl,
	};
}

function metaTags(document: Document): Map<string, string> {
	const tags = new Map<string, string>();
	for (const element of Array.from(document.querySelectorAll('meta[content]'))) {
		const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop'))?.toLowerCase();
		const content = element.getAttribute('content');
		if (key && content && !tags.has(key)) tags.set(key, content);
	}

	return tags;
}

function jsonLdArticle(document: Document): JsonLdArticle | undefined {
	for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
		let data: unknown;
		try {
			data = JSON.parse(script.textContent ?? '');
		} catch {
			continue;
		}

		const found = findArticle(data, 0);
		if (found) return found;
	}

	return undefined;
}

function findArticle(data: unknown, depth: number): JsonLdArticle | undefined {
	if (depth > 4 || !data || typeof data !== 'object') return undefined;
	if (Array.isArray(data)) {
		for (const entry of data) {
			const found = findArticle(entry, depth + 1);
			if (found) return found;
		}

		return undefined;
	}

	const record = data as JsonLdArticle;
	const types = [record['@type']].flat().filter((type): type is string => typeof type === 'string');
	if (types.some((type) => articleTypes.test(type) && type !== 'WebPage')) return record;
	return findArticle(record['@graph'], depth + 1) ?? (types.includes('WebPage') ? findArticle(record['mainEntity'], depth + 1) : undefined);
}

function personNames(value: unknown): string | null {
	const people = [value].flat().filter((entry) => {
		if (typeof entry === 'string') return true;
		if (!entry || typeof entry !== 'object') return false;
		const type = (entry as Record<string, unknown>)['@type'];
		return type !== 'Organization' && type !== 'NewsMediaOrganization';
	});
	const names = people.map((person) => nameOf(person)).filter((name): name is string => Boolean(name));
	if (names.length === 0) return null;
	return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

function nameOf(value: unknown): string | null {
	const entry = Array.isArray(value) ? value[0] : value;
	if (typeof entry === 'string') return text(entry);
	if (entry && typeof entry === 'object') return text((entry as Record<string, unknown>)['name']);
	return null;
}

function imageOf(value: unknown): string | undefined {
	const entry = Array.isArray(value) ? value[0] : value;
	if (typeof entry === 'string') return entry;
	if (entry && typeof entry === 'object') {
		const url = (entry as Record<string, unknown>)['url'];
		return typeof url === 'string' ? url : undefined;
	}

	return undefined;
}

function text(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const result = collapseWhitespace(value);
	return result || null;
}
