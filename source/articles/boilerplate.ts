import {tagOf} from './html-blocks.js';

/*
 * Page furniture taken out of the DOM before the body is chosen: comment threads, share bars, newsletter
 * boxes, author bios, "most read" lists, cookie notices, tag lists, ads. Readability only judges
 * candidates by class names while it searches; inside the container it picks, all of this survives.
 *
 * An element goes when its class, id or role names furniture, unless it holds the article itself
 * (a wrapper called "content-with-sidebar" or a body class "single-post comments-open"). Weaker hints
 * ("widget", "meta", <aside>, <form>) only remove an element with no paragraph of prose in it.
 */

/** One word of a class or id ("share" in "article-share__bar"), matched whole. */
const strongWords = new Set([
	'comment',
	'comments',
	'commentlist',
	'disqus',
	'respond',
	'replies',
	'share',
	'shares',
	'sharing',
	'sharebar',
	'sharedaddy',
	'shariff',
	'addthis',
	'social',
	'socials',
	'newsletter',
	'newsletters',
	'subscribe',
	'subscription',
	'signup',
	'optin',
	'mailchimp',
	'cookie',
	'cookies',
	'consent',
	'gdpr',
	'breadcrumb',
	'breadcrumbs',
	'navbar',
	'navigation',
	'menu',
	'sidebar',
	'related',
	'recommended',
	'recommendations',
	'trending',
	'popular',
	'mostread',
	'outbrain',
	'taboola',
	'advert',
	'advertisement',
	'adsense',
	'sponsored',
	'promo',
	'paywall',
	'pagination',
	'pager',
	'rating',
	'tags',
	'tagcloud',
	'taglist',
	'bio',
	'authorbox',
	'footer',
	'skip',
	'print',
	'modal',
	'popup',
]);
const weakWords = new Set(['meta', 'teaser', 'teasers', 'banner', 'ad', 'ads', 'tools', 'toolbar', 'author', 'login', 'more']);
/** Compound hints that split into innocent words: "most-read", "author-bio", "read-more", "entry-footer". */
const strongPhrases =
	/most-?(?:read|viewed|popular|shared|commented)|author-?(?:bio|box|info|profile)|about-?the-?author|read-?more|more-?stories|entry-?(?:meta|footer|tags)|post-?(?:meta|tags|footer|navigation)|social-?media|follow-?us/i;
const furnitureRoles = new Set([
	'navigation',
	'contentinfo',
	'complementary',
	'banner',
	'search',
	'dialog',
	'alertdialog',
	'menu',
	'menubar',
]);
const furnitureTags = new Set(['nav', 'footer']);
const weakTags = new Set(['aside', 'form']);
/** WordPress and Drupal put a post's categories and tags in its classes: "tag-social-media", "category-comment". */
const taxonomyClass = /(?:^|\s)(?:tag|category|categories|post_tag|format|status|topic|section|channel)-\S*/gi;
const wordSplit = /[\s_-]+|(?<=[a-z])(?=[A-Z])/;

type Strength = 'strong' | 'weak' | undefined;

function furnitureStrength(element: Element): Strength {
	const tag = tagOf(element);
	const role = element.getAttribute('role');
	if (furnitureTags.has(tag) || (role && furnitureRoles.has(role.toLowerCase()))) return 'strong';
	const hint = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.replace(taxonomyClass, ' ');
	let strength: Strength = weakTags.has(tag) ? 'weak' : undefined;
	if (!hint.trim()) return strength;
	if (strongPhrases.test(hint)) return 'strong';
	for (const word of hint.split(wordSplit)) {
		const lower = word.toLowerCase();
		if (strongWords.has(lower)) return 'strong';
		if (weakWords.has(lower)) strength = 'weak';
	}

	return strength;
}

/**
 * Removes furniture from `root`, never an element that holds one of `articleParagraphs` (the page's run of
 * long paragraphs, found before anything was removed) or a good share of the page's prose.
 */
export function pruneFurniture(root: Element, articleParagraphs: readonly Element[]): void {
	const protectedElements = new Set<Element>();
	for (const paragraph of articleParagraphs) {
		for (let current: Element | null = paragraph; current && !protectedElements.has(current); current = current.parentElement)
			protectedElements.add(current);
	}

	const prose = proseByElement(root);
	const pageProse = prose.get(root) ?? 0;
	const visit = (element: Element): void => {
		for (let child = element.firstElementChild; child;) {
			const next = child.nextElementSibling;
			const strength = protectedElements.has(child) ? undefined : furnitureStrength(child);
			const childProse = prose.get(child) ?? 0;
			if ((strength === 'strong' && childProse < pageProse * 0.3) || (strength === 'weak' && childProse === 0)) {
				child.remove();
			} else {
				visit(child);
			}

			child = next;
		}
	};

	visit(root);
}

/** Characters of prose (paragraphs of 80+ characters, mostly not link text) under each element. */
export function proseByElement(root: Element): Map<Element, number> {
	const prose = new Map<Element, number>();
	for (const paragraph of Array.from(root.querySelectorAll('p'))) {
		const length = proseLength(paragraph);
		if (length === 0) continue;
		for (let current: Element | null = paragraph; current; current = current.parentElement) {
			prose.set(current, (prose.get(current) ?? 0) + length);
			if (current === root) break;
		}
	}

	return prose;
}

/** Whether any paragraph under `element` is prose. */
export function holdsProse(element: Element): boolean {
	return Array.from(element.querySelectorAll('p')).some((paragraph) => proseLength(paragraph) > 0);
}

/** The length of a paragraph that reads as prose (80+ characters, under half of them link text), else 0. */
function proseLength(paragraph: Element): number {
	const length = (paragraph.textContent ?? '').trim().length;
	if (length < 80) return 0;
	let linkText = 0;
	for (const anchor of Array.from(paragraph.querySelectorAll('a'))) linkText += (anchor.textContent ?? '').length;
	return linkText < length / 2 ? length : 0;
}
