import {decodeHTML} from 'entities';

/**
 * Cheap plain text from an HTML fragment, for titles and snippets where a DOM
 * would be overkill: tags become spaces, entities are decoded, white space folds.
 */
export function htmlToPlainText(html: string): string {
	const withoutMarkup = html
		.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<[^>]*>/g, ' ');
	return collapseWhitespace(decodeHTML(withoutMarkup));
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
