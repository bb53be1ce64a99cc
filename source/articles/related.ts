import {collapseWhitespace} from '../text/html-text.js';
import {type DraftBlock, type DraftSpan} from './draft.js';
import {blockText, spansText} from './document.js';
import type {RelatedGroup} from './page-extras.js';

/*
 * Related stories: a paragraph or list item that is (almost) only a link, optionally labelled
 * ("OPINION:", "WATCH:", "Read more:"), becomes a related block at its place; boxes of related
 * links found on the page are put back after the paragraph they followed.
 */

const knownLabel =
	/^(?:read more|read also|also read|related|more|see also|watch|listen|opinion|analysis|explainer|video|podcast|in pictures|live|latest|background|read|inside story|feature|interview)\b/i;
const maxLabelLength = 40;

export function markRelatedLinks(blocks: DraftBlock[], pageUrl: string | null): DraftBlock[] {
	const out: DraftBlock[] = [];
	for (const block of blocks) {
		if (block.type === 'paragraph') {
			const related = asRelated(block.spans, pageUrl);
			out.push(related ?? block);
			continue;
		}

		if (block.type === 'list' && block.items.length > 0) {
			const related = block.items.map((item) => asRelated(item.spans, pageUrl));
			if (related.every(Boolean)) {
				out.push(...(related as DraftBlock[]));
				continue;
			}
		}

		out.push(block);
	}

	return out;
}

function asRelated(spans: readonly DraftSpan[], pageUrl: string | null): DraftBlock | undefined {
	const hrefs = new Set(spans.map((span) => span.href).filter(Boolean));
	if (hrefs.size !== 1) return undefined;
	const href = [...hrefs][0]!;
	if (pageUrl && sameDocument(href, pageUrl)) return undefined;
	const text = collapseWhitespace(spansText(spans));
	const linkText = collapseWhitespace(spansText(spans.filter((span) => span.href)));
	if (linkText.split(' ').length < 3) return undefined;

	// What is not the link: nothing, or a short label before it.
	const firstLink = spans.findIndex((span) => span.href);
	const lastLink = spans.findLastIndex((span) => span.href);
	const before = collapseWhitespace(spansText(spans.slice(0, firstLink)));
	const after = collapseWhitespace(spansText(spans.slice(lastLink + 1)));
	if (after.replace(/[\s.:»›→>|)\]]+/g, '')) return undefined;
	if (spans.slice(firstLink, lastLink + 1).some((span) => !span.href && /\S/.test(span.text))) return undefined;
	if (before && !isLabel(before)) return undefined;

	return {type: 'related', href, text, label: labelOf(before || linkText)};
}

function isLabel(text: string): boolean {
	return text.length <= maxLabelLength && (text.endsWith(':') || knownLabel.test(text) || isShouted(text));
}

/** "OPINION: Is Russia…" → "OPINION"; "WATCH Inside Story: Can…" → "WATCH Inside Story". */
function labelOf(text: string): string | null {
	const colon = text.indexOf(':');
	if (colon <= 0 || colon > maxLabelLength) return null;
	const label = text.slice(0, colon).trim();
	return knownLabel.test(label) || isShouted(label.split(' ')[0]!) ? label : null;
}

function isShouted(word: string): boolean {
	const letters = word.replace(/[^\p{L}]/gu, '');
	return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function sameDocument(href: string, pageUrl: string): boolean {
	try {
		const a = new URL(href);
		const b = new URL(pageUrl);
		return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
	} catch {
		return false;
	}
}

/** Puts boxes of related links back where they stood, skipping links already shown as related lines. */
export function insertRelatedGroups(blocks: DraftBlock[], groups: readonly RelatedGroup[]): DraftBlock[] {
	if (groups.length === 0) return blocks;
	const shown = new Set(blocks.flatMap((block) => (block.type === 'related' ? [block.href] : [])));
	const out = [...blocks];
	for (const group of groups) {
		const fresh = group.links.filter((link) => !shown.has(link.href));
		if (fresh.length === 0) continue;
		for (const link of fresh) shown.add(link.href);
		const related: DraftBlock[] = fresh.map((link) => ({type: 'related', href: link.href, text: link.text, label: labelOf(link.text)}));
		const anchor = group.afterText === null ? -1 : out.findIndex((block) => collapseWhitespace(blockText(block)) === group.afterText);
		if (group.afterText !== null && anchor === -1) out.push(...related);
		else out.splice(anchor + 1, 0, ...related);
	}

	return out;
}
