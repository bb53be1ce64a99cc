import {decodeHTML} from 'entities';

/**
 * Cheap plain text from an HTML fragment, for titles and snippets where a DOM
 * would be overkill: tags become spaces, entities are decoded, white space folds.
 * One forward scan, linear in the input whatever it holds ("<<<<", unclosed tags and comments):
 * a regular expression such as /<[^>]*>/ rescans to the end from every unmatched "<".
 */
export function htmlToPlainText(html: string): string {
	let text = '';
	let index = 0;
	while (index < html.length) {
		const open = html.indexOf('<', index);
		if (open === -1) {
			text += html.slice(index);
			break;
		}

		text += html.slice(index, open);
		const next = html.charCodeAt(open + 1);
		// "<" then a letter, "/", "!" or "?" opens markup; anything else ("a < b") is text.
		if (!(isAsciiLetter(next) || next === 0x2f || next === 0x21 || next === 0x3f)) {
			text += '<';
			index = open + 1;
			continue;
		}

		const end = markupEnd(html, open);
		// No ">" anywhere after it: no later "<" closes either, so the rest is text (as the regex had it).
		if (end === -1) {
			text += html.slice(open);
			break;
		}

		text += ' ';
		index = end;
	}

	return collapseWhitespace(text.includes('&') ? decodeHTML(text) : text);
}

const rawTextEnd: Record<string, RegExp> = {script: /<\/script\s*>/gi, style: /<\/style\s*>/gi};

/** Where the markup opening at `open` ends (just past it), or -1 when the text ends first. */
function markupEnd(html: string, open: number): number {
	if (html.startsWith('<!--', open)) {
		const close = html.indexOf('-->', open + 4);
		return close === -1 ? html.length : close + 3;
	}

	const close = html.indexOf('>', open);
	if (close === -1) return -1;
	const name = /^<(script|style)\b/i.exec(html.slice(open, open + 8))?.[1]?.toLowerCase();
	if (!name) return close + 1;
	// Script and style content is not text: skip to its end tag, or to the end when there is none.
	const endTag = rawTextEnd[name]!;
	endTag.lastIndex = close + 1;
	return endTag.exec(html) ? endTag.lastIndex : html.length;
}

function isAsciiLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Folds runs of white space (including no-break spaces) into one space and trims. */
export function collapseWhitespace(text: string): string {
	return text.replace(/[\s\u00A0]+/g, ' ').trim();
}

/** The first `count` words of a text, with an ellipsis when cut. */
export function firstWords(text: string, count: number): string {
	const words = text.split(' ').filter(Boolean);
	return words.length > count ? words.slice(0, count).join(' ') + '…' : words.join(' ');
}
