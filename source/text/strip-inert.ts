/**
 * Drops what a reader never shows before the DOM is built: scripts (except JSON-LD metadata),
 * styles, comments, SVG and noscript blocks. News pages carry hundreds of KiB of these; parsing
 * them costs more than the article. Scans in document order the way an HTML parser does, so a
 * "<script>" inside a comment or a "<!--" inside a script cannot derail it.
 */
// `[^<>]*`, not `[^>]*`: an opening tag never holds "<", and stopping there keeps a page of a million
// unclosed "<script " linear (it took 104 s).
const openings = /<!--|<(script|style|svg|noscript|template)\b[^<>]*>/gi;

export function stripInertMarkup(html: string): string {
	let out = '';
	let cursor = 0;
	openings.lastIndex = 0;
	for (let match = openings.exec(html); match; match = openings.exec(html)) {
		const tag = match[1]?.toLowerCase();
		if (tag === 'script' && /application\/ld\+json/i.test(match[0])) continue;
		const close = tag ? new RegExp(`</${tag}\\s*>`, 'gi') : /-->/g;
		close.lastIndex = openings.lastIndex;
		const end = close.exec(html);
		out += html.slice(cursor, match.index);
		cursor = end ? close.lastIndex : html.length;
		openings.lastIndex = cursor;
		if (!end) break;
	}

	return out + html.slice(cursor);
}
