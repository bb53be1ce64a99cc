import {blockText, type ArticleDocument} from '../articles/document.js';
import {wrapText} from '../text/wrap.js';

/**
 * Plain text: title, standfirst, caption, body, source line, one blank line between blocks,
 * nothing added. Wrapped to `width` columns when given.
 */
export function articleToText(document: ArticleDocument, options: {width?: number} = {}): string {
	const width = options.width ?? 0;
	const wrap = (text: string) => (width > 0 ? wrapText(text, width).join('\n') : text);
	const parts: string[] = [wrap(document.title)];
	if (document.standfirst) parts.push(wrap(document.standfirst));
	if (document.image?.caption) parts.push(wrap(document.image.caption));
	// Preformatted text keeps its own lines.
	for (const block of document.blocks) parts.push(block.type === 'preformatted' ? block.text : wrap(blockText(block, {forReading: true})));
	if (document.source) parts.push(wrap(`Source: ${document.source}`));
	return parts.join('\n\n') + '\n';
}
