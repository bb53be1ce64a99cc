import {collapseWhitespace} from '../text/html-text.js';
import {holdsProse, proseByElement} from './boilerplate.js';
import {tagOf} from './html-blocks.js';

/*
 * Our own body extractor: the element that holds the article, found by evidence rather than by
 * Readability's scoring. Evidence, strongest first: the page's JSON-LD `articleBody` (the element whose
 * text covers it best), `itemprop="articleBody"`, the class names templates give the body
 * ("entry-content", "article-body", "story-body"…). An answer is only given when the element holds
 * most of the page's prose (after furniture is removed); otherwise, and for a lone <article> or a run
 * of paragraphs (weaker evidence than Readability's scoring), Readability decides.
 */

export type ArticleRoot = {
	readonly element: Element;
	readonly evidence: 'json-ld' | 'itemprop' | 'class';
};

const bodyClass =
	/(?:^|[\s_-])(?:article-?body|articlebody|article-?content|article-?text|article__body|article__content|story-?body|story-?content|story-?text|entry-?content|entry-?body|post-?content|post-?body|post-?entry|post-?text|blog-?post-?content|news-?text|news-?content|news-?body|body-?text|text-?body|content-?body|single-?content|td-post-content|field-?name-?body|c-article-body|articletext|storytext)(?:$|[\s_-])/i;

/** Below this many characters of prose the page is not shaped like an article, and Readability decides. */
const minProse = 800;
/** Characters of text per character of prose the chosen element may hold (headings, lists, captions). */
const maxTextPerProse = 2;
/** Share of the page's prose the chosen element must hold. */
const minProseShare = 0.6;

export function findArticleRoot(body: Element, articleBody: string | null): ArticleRoot | undefined {
	const prose = proseByElement(body);
	const pageProse = prose.get(body) ?? 0;
	if (pageProse < minProse) return undefined;
	// Most of the page's prose, and mostly prose itself: a body full of gallery captions, cards or
	// lists is one that Readability's cleaning judges better.
	const holdsMost = (element: Element) => {
		const own = prose.get(element) ?? 0;
		return own >= pageProse * minProseShare && (element.textContent ?? '').length <= own * maxTextPerProse;
	};

	if (articleBody) {
		const element = coveringElement(body, articleBody, prose);
		if (element && holdsMost(element)) return {element, evidence: 'json-ld'};
	}

	const best = (elements: Element[]) => {
		const found = joined(elements, prose);
		return found && holdsMost(found) ? withLead(innermost(found, prose), prose) : undefined;
	};

	const itemprop = best(Array.from(body.querySelectorAll('[itemprop="articleBody"], [itemprop="articlebody"]')));
	if (itemprop) return {element: itemprop, evidence: 'itemprop'};
	const byClass = best(
		Array.from(body.querySelectorAll('[class], [id]')).filter((element) =>
			bodyClass.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`),
		),
	);
	if (byClass) return {element: byClass, evidence: 'class'};
	return undefined;
}

/**
 * Templates often keep the lead paragraph apart from the "article-body" block (a "lead" or "intro"
 * sibling before it): the parent is taken instead when all it adds is prose before the body.
 */
function withLead(element: Element, prose: ReadonlyMap<Element, number>): Element {
	const parent = element.parentElement;
	if (!parent || tagOf(parent) === 'body') return element;
	let before = 0;
	let after = false;
	for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
		if (sibling === element) {
			after = true;
			continue;
		}

		const extra = prose.get(sibling) ?? 0;
		if (extra > 0 && after) return element;
		if (!after) before += extra;
	}

	return before > 0 && before <= (prose.get(element) ?? 0) * 0.5 ? parent : element;
}

/**
 * The candidate with the most prose; or, when the body is split over several (a paywall or an ad slot
 * between two "article-body" parts), the element holding them all, if it adds little prose of its own.
 */
function joined(candidates: readonly Element[], prose: ReadonlyMap<Element, number>): Element | undefined {
	const outermost = candidates.filter(
		(element) => (prose.get(element) ?? 0) > 0 && !candidates.some((other) => other !== element && other.contains(element)),
	);
	if (outermost.length === 0) return undefined;
	let found = outermost[0]!;
	for (const element of outermost) if ((prose.get(element) ?? 0) > (prose.get(found) ?? 0)) found = element;
	const parts = outermost.filter((element) => (prose.get(element) ?? 0) >= (prose.get(found) ?? 0) * 0.15);
	if (parts.length === 1) return found;
	const total = parts.reduce((sum, element) => sum + (prose.get(element) ?? 0), 0);
	let common: Element | null = found;
	while (common && !parts.every((element) => common!.contains(element))) common = common.parentElement;
	return common && (prose.get(common) ?? 0) <= total * 1.15 ? common : found;
}

/** The deepest descendant that still holds nearly all of `element`'s prose: wrappers add only furniture. */
function innermost(element: Element, prose: ReadonlyMap<Element, number>): Element {
	const total = prose.get(element) ?? 0;
	let current = element;
	for (;;) {
		let next: Element | undefined;
		for (let child = current.firstElementChild; child; child = child.nextElementSibling) {
			if ((prose.get(child) ?? 0) >= total * 0.95 && tagOf(child) !== 'p') next = child;
		}

		if (!next) return current;
		current = next;
	}
}

/** The smallest element whose text holds the start and the end of the JSON-LD article body. */
function coveringElement(body: Element, articleBody: string, prose: ReadonlyMap<Element, number>): Element | undefined {
	const text = collapseWhitespace(articleBody);
	if (text.length < 200) return undefined;
	const head = text.slice(0, 60);
	const tail = text.slice(-60);
	let found: Element | undefined;
	for (const [element] of prose) {
		if (element === body) continue;
		const content = collapseWhitespace(element.textContent ?? '');
		if (content.includes(head) && content.includes(tail) && (!found || found.contains(element))) found = element;
	}

	return found;
}

/**
 * Inside the chosen body, blocks of links with no prose are teasers and link lists ("More on this",
 * a row of cards): they go, as Readability's own cleaning would take them. A lone link line stays:
 * the related-story pass reads it.
 */
export function dropLinkClusters(root: Element): void {
	for (const element of Array.from(root.querySelectorAll('div, section, ul, ol, aside, table, figure'))) {
		if (!element.isConnected || !root.contains(element)) continue;
		const text = collapseWhitespace(element.textContent ?? '');
		if (text.length < 25) continue;
		let linkText = 0;
		const anchors = element.querySelectorAll('a');
		if (anchors.length < 2) continue;
		for (const anchor of Array.from(anchors)) linkText += collapseWhitespace(anchor.textContent ?? '').length;
		if (linkText > text.length * 0.6 && !holdsProse(element)) element.remove();
	}
}
