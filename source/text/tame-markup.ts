/**
 * Pages that would make more DOM nodes than this are refused before a DOM is built, rather than
 * parsed for minutes. Counted as start tags plus "&" (the parser makes a text node of each entity
 * and each stray "<": 250,000 "&lt;" became half a million nodes). The 990 pages of the trafilatura
 * corpus have at most 19,700; 600,000 paragraphs took 26 s and 1.6 GB.
 */
export const maxNodes = 60_000;
/** Markup nested deeper than this loses its tags (its text stays): DOM passes cost depth² on such chains. */
export const maxDepth = 256;

// Elements with no end tag, and those whose end tag HTML implies: neither nests in practice.
const unnested = new Set([
	...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
	...['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'colgroup'],
]);

/**
 * Two linear passes over page HTML before it reaches the DOM: one refuses (undefined) a page of more
 * than `maxNodes` nodes, the other drops the tags of anything nested deeper than `maxDepth`
 * (100,000 nested <div>s took Readability minutes: textContent at every level). The second also drops
 * what a browser's parser ignores and linkedom's does not: <html>, <head> and <body> start tags after
 * the first <body>, and every </body> and </html> (a page that pastes a whole document into its
 * article got a second <body> inside it, and lost the article to it).
 */
export function tameMarkup(html: string): string | undefined {
	if (countNodeMakers(html) > maxNodes) return undefined;

	let depth = 0;
	let seenBody = false;
	let kept = '';
	let keptUpTo = 0;
	let index = 0;
	for (;;) {
		const open = html.indexOf('<', index);
		if (open === -1) break;
		const next = html.charCodeAt(open + 1);
		const closing = next === 0x2f;
		if (!(closing ? isLetter(html.charCodeAt(open + 2)) : isLetter(next))) {
			index = open + 1;
			continue;
		}

		const close = html.indexOf('>', open);
		if (close === -1) break;
		index = close + 1;
		const name = tagName(html, closing ? open + 2 : open + 1);
		if (documentTags.has(name) && (closing ? name !== 'head' : seenBody)) {
			({kept, keptUpTo} = drop(html, kept, keptUpTo, open, index));
			continue;
		}

		if (!closing && name === 'body') seenBody = true;
		if (!closing && name === 'script') {
			// JSON-LD is the only script left (stripInertMarkup took the rest): its text is not markup.
			scriptEnd.lastIndex = close;
			index = scriptEnd.exec(html) ? scriptEnd.lastIndex - '</script'.length : html.length;
			continue;
		}

		if (closing) {
			if (unnested.has(name)) continue;
			if (depth > maxDepth) ({kept, keptUpTo} = drop(html, kept, keptUpTo, open, index));
			depth = Math.max(0, depth - 1);
			continue;
		}

		if (unnested.has(name) || html.charCodeAt(close - 1) === 0x2f) continue;
		if (++depth > maxDepth) ({kept, keptUpTo} = drop(html, kept, keptUpTo, open, index));
	}

	return keptUpTo === 0 ? html : kept + html.slice(keptUpTo);
}

/** "<" (but not "</") and "&" in the page: an upper bound on the nodes its tags, entities and stray "<" make. */
function countNodeMakers(html: string): number {
	let count = 0;
	for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', index + 1)) if (html.charCodeAt(index + 1) !== 0x2f) count++;
	for (let index = html.indexOf('&'); index !== -1; index = html.indexOf('&', index + 1)) count++;
	return count;
}

/** Leaves out html[from, to): the kept text so far gains what lies before it. */
function drop(html: string, kept: string, keptUpTo: number, from: number, to: number): {kept: string; keptUpTo: number} {
	return {kept: kept + html.slice(keptUpTo, from), keptUpTo: to};
}

const scriptEnd = /<\/script/gi;
const documentTags = new Set(['html', 'head', 'body']);

function tagName(html: string, from: number): string {
	let end = from;
	while (end < html.length && end - from < 16 && /[\w-]/.test(html[end]!)) end++;
	return html.slice(from, end).toLowerCase();
}

function isLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
