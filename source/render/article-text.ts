import {spansText, type ArticleDocument, type Block, type ListItem} from '../articles/document.js';
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
	for (const block of document.blocks) parts.push(block.type === 'preformatted' ? block.text : wrap(blockToText(block)));
	if (document.source) parts.push(wrap(`Source: ${document.source}`));
	return parts.join('\n\n') + '\n';
}

function blockToText(block: Block): string {
	switch (block.type) {
		case 'paragraph':
		case 'heading':
		case 'caption': {
			return spansText(block.spans);
		}

		case 'blockquote': {
			return block.blocks.map((inner) => blockToText(inner)).join('\n\n');
		}

		case 'list': {
			return block.items.map((item, index) => listItemText(item, block.ordered ? `${index + 1}.` : '•')).join('\n');
		}

		case 'preformatted': {
			return block.text;
		}

		case 'related': {
			return block.text;
		}
	}
}

function listItemText(item: ListItem, marker: string): string {
	return `${'  '.repeat(item.depth)}${marker} ${spansText(item.spans)}`;
}
