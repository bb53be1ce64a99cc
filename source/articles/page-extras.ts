import {absoluteHttpUrl} from '../net/url.js';
import {collapseWhitespace} from '../text/html-text.js';
import {tagOf} from './html-blocks.js';
import type {PageMetadata} from './metadata.js';

/*
 * What Readability tends to drop, read from the untouched page before it runs:
 * the standfirst, the lead image caption, the source line and "related stories" boxes.
 */

export type RelatedGroup = {
	/** Text of the body paragraph the box follows, to put it back at its place; null: before the body. */
	readonly afterText: string | null;
	readonly links: ReadonlyArray<{readonly href: string; readonly text: string}>;
};

export type PageExtras = {
	readonly standfirst: string | null;
	readonly caption: string | null;
	readonly credit: string | null;
	readonly source: string | null;
	readonly relatedGroups: readonly RelatedGroup[];
};

const standfirstClass =
	/(?:^|[-_\s])(?:standfirst|dek|deck|sub-?head(?:line)?|sub-?title|strapline|heading-des|article-?summary|article-?description|intro|lede|teaser)(?:$|[-_\s])/i;
const captionClass = /caption/i;
const creditClass = /credit|copyright|photographer|source/i;
const relatedClass =
	/(?:^|[-_\s])(?:related|more-?on|recommended|read-?more|also-?read|see-?also|further-?reading|more-?stories)(?:$|[-_\s])/i;
const relatedHeading =
	/^(?:related(?: stories| articles| content| coverage| links)?|more on this(?: story| topic)?|read more|recommended(?: reading| stories)?|see also|also read|further reading)\s*:?$/i;
const notContent =
	/(?:^|[-_\s])(?:most-?(?:read|popular|viewed|shared)|popular|trending|share|sharing|social|tags?|topics?|newsletter|comments?|nav|navigation|menu|breadcrumbs?|footer|sidebar|promo|sponsor|advert|ad)(?:$|[-_\s])/i;
/** A paragraph naming where a story comes from: "Source: Al Jazeera and news agencies". */
export const sourceLine = /^Sources?\s*:\s*(\S.{0,150})$/i;

/** `body`: the page's run of long paragraphs (findBody), found once by the caller, which needs it too. */
export function readPageExtras(document: Document, metadata: PageMetadata, body: Body | undefined): PageExtras {
	const standfirst = findStandfirst(document, metadata, body);
	const {caption, credit} = findLeadCaption(document, metadata, body);
	return {
		standfirst,
		caption,
		credit,
		source: findSourceLine(document, body),
		relatedGroups: body ? findRelatedGroups(body, metadata.baseUrl) : [],
	};
}

export type Body = {readonly region: Element; readonly paragraphs: readonly Element[]};

/** The element holding most of the long paragraphs, and its article/main container. */
export function findBody(document: Document): Body | undefined {
	const counts = new Map<Element, Element[]>();
	for (const paragraph of Array.from(document.querySelectorAll('p'))) {
		if (normalised(paragraph).length < 60 || isChrome(paragraph)) continue;
		const parent = paragraph.parentElement;
		if (!parent) continue;
		const list = counts.get(parent) ?? [];
		list.push(paragraph);
		counts.set(parent, list);
	}

	let best: [Element, Element[]] | undefined;
	for (const entry of counts) if (!best || entry[1].length > best[1].length) best = entry;
	if (!best) return undefined;
	const [parent, paragraphs] = best;
	const region = parent.closest('article, [itemprop="articleBody"], main') ?? parent.parentElement ?? parent;
	return {region, paragraphs};
}

function findStandfirst(document: Document, metadata: PageMetadata, body: Body | undefined): string | null {
	const first = body?.paragraphs[0];
	const candidates = Array.from(document.querySelectorAll('p, h2, div, span, [itemprop="description"]'));
	for (const element of candidates) {
		const hint = `${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`;
		if (!standfirstClass.test(hint) && !hint.includes('description')) continue;
		if (first && !precedes(element, first)) continue;
		if (isChrome(element) || element.querySelector('p, div, h1, h2')) continue;
		const text = normalised(element);
		if (text.length >= 30 && text.length <= 500 && text !== metadata.title) return text;
	}

	// The meta description counts as a standfirst only when the page shows it above the body.
	if (metadata.description && first) {
		for (const element of candidates) {
			const text = element.textContent ?? '';
			if (text.length < metadata.description.length || text.length > metadata.description.length * 2 + 40) continue;
			if (normalised(element) === metadata.description && precedes(element, first) && !isChrome(element)) return metadata.description;
		}
	}

	return null;
}

function findLeadCaption(
	document: Document,
	metadata: PageMetadata,
	body: Body | undefined,
): {caption: string | null; credit: string | null} {
	const first = body?.paragraphs[0];
	const imageName = metadata.imageUrl ? fileName(metadata.imageUrl) : undefined;
	const captions = Array.from(document.querySelectorAll('figcaption, [class*="caption"]')).filter(
		(element) =>
			!isChrome(element) && captionClass.test(`${tagOf(element) === 'figcaption' ? 'caption' : ''} ${element.getAttribute('class') ?? ''}`),
	);
	const lead =
		captions.find((element) => imageName && element.closest('figure')?.querySelector(`img[src*="${cssString(imageName)}"]`)) ??
		captions.find((element) => first && precedes(element, first));
	if (!lead) return {caption: null, credit: null};
	const caption = normalised(lead);
	if (!caption) return {caption: null, credit: null};
	const creditElement = Array.from(lead.querySelectorAll('[class]')).find((element) =>
		creditClass.test(element.getAttribute('class') ?? ''),
	);
	const credit = creditElement
		? normalised(creditElement)
		: (/\[([^\]]{3,80})\]\s*$/.exec(caption)?.[1] ?? /(?:Photo|Image|Picture)\s*:\s*([^.]{3,80})$/i.exec(caption)?.[1] ?? null);
	return {caption, credit: credit || null};
}

function findSourceLine(document: Document, body: Body | undefined): string | null {
	const first = body?.paragraphs[0];
	let found: string | null = null;
	// Leaf-like elements only: reading the text of every nested container would be quadratic.
	for (const element of Array.from(document.querySelectorAll('p, span, div'))) {
		if (tagOf(element) === 'div' && element.firstElementChild) continue;
		const text = element.textContent ?? '';
		if (text.length > 200 || !/^\s*Sources?\s*:/i.test(text)) continue;
		if ((first && precedes(element, first)) || isChrome(element)) continue;
		const match = sourceLine.exec(collapseWhitespace(text));
		if (match) found = match[1]!.trim();
	}

	return found;
}

function findRelatedGroups(body: Body, baseUrl: string): RelatedGroup[] {
	const containers = new Set<Element>();
	for (const element of Array.from(body.region.querySelectorAll('[class], [id]'))) {
		const hint = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
		if (relatedClass.test(hint) && !notContent.test(hint) && !isChrome(element)) containers.add(element);
	}

	for (const heading of Array.from(body.region.querySelectorAll('h2, h3, h4, h5, strong, b'))) {
		if (!relatedHeading.test(normalised(heading))) continue;
		const list = heading.nextElementSibling ?? heading.parentElement?.nextElementSibling;
		if (list && ['ul', 'ol', 'div'].includes(tagOf(list)) && !isChrome(list)) containers.add(list);
	}

	// Keep the outermost of nested containers.
	const outermost = [...containers].filter(
		(container) => ![...containers].some((other) => other !== container && other.contains(container)),
	);
	const groups: RelatedGroup[] = [];
	for (const container of outermost) {
		const links: Array<{href: string; text: string}> = [];
		for (const anchor of Array.from(container.querySelectorAll('a[href]'))) {
			const href = absoluteHttpUrl(anchor.getAttribute('href'), baseUrl);
			const text = normalised(anchor);
			if (href && text.split(' ').length >= 2 && !links.some((link) => link.href === href)) links.push({href, text});
		}

		if (links.length === 0) continue;
		const before = body.paragraphs.filter((paragraph) => precedes(paragraph, container));
		groups.push({afterText: before.length > 0 ? normalised(before.at(-1)!) : null, links});
	}

	return groups;
}

/** Navigation, footers, sidebars: never article content. */
function isChrome(element: Element): boolean {
	for (let current: Element | null = element; current; current = current.parentElement) {
		const tag = tagOf(current);
		if (tag === 'nav' || tag === 'footer' || (tag === 'header' && current !== element.ownerDocument.body && hasNavigation(current)))
			return true;
		if (tag === 'aside' && notContent.test(`${current.getAttribute('class') ?? ''} ${current.getAttribute('id') ?? ''}`)) return true;
		if (tag !== 'body' && tag !== 'html' && notContent.test(current.getAttribute('class') ?? '')) return true;
	}

	return false;
}

function hasNavigation(header: Element): boolean {
	return header.querySelector('nav, ul') !== null;
}

function precedes(a: Node, b: Node): boolean {
	// DOCUMENT_POSITION_FOLLOWING: b comes after a.
	return a !== b && (a.compareDocumentPosition(b) & 4) !== 0 && !a.contains(b);
}

function normalised(element: Element): string {
	return collapseWhitespace(element.textContent ?? '');
}

function fileName(url: string): string | undefined {
	try {
		return new URL(url).pathname.split('/').pop() || undefined;
	} catch {
		return undefined;
	}
}

function cssString(value: string): string {
	return value.replace(/["\\]/g, '\\$&');
}
