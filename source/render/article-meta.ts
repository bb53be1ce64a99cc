import type {ArticleDocument} from '../articles/document.js';

/** "Al Jazeera · By Jane Doe · 7 Aug 2017 · 2 min read": the line under a headline, in every format. */
export function articleMetaLine(document: ArticleDocument): string {
	const parts: string[] = [];
	if (document.siteName) parts.push(document.siteName);
	if (document.byline) parts.push(`By ${document.byline}`);
	if (document.published) parts.push(formatDay(document.published));
	parts.push(`${document.readingMinutes} min read`);
	return parts.join(' · ');
}

export function formatDay(iso: string): string {
	return new Date(iso).toLocaleDateString('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
}
