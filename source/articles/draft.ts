/** The article body while it is being built: links still carry their URL, quotations are not yet numbered. */

export type DraftSpan = {
	text: string;
	emphasis?: true;
	strong?: true;
	code?: true;
	href?: string;
	/** Inside a `<q>` element or a `<blockquote>`: a quotation whatever its marks. */
	quoted?: true;
	/** Number of the quotation this run belongs to, once quotations are marked. */
	quote?: number;
};

export type DraftListItem = {depth: number; spans: DraftSpan[]};

export type DraftBlock =
	| {type: 'paragraph'; spans: DraftSpan[]}
	| {type: 'heading'; level: number; spans: DraftSpan[]}
	| {type: 'blockquote'; blocks: DraftBlock[]}
	| {type: 'list'; ordered: boolean; items: DraftListItem[]}
	| {type: 'preformatted'; text: string}
	| {type: 'caption'; spans: DraftSpan[]}
	| {type: 'related'; href: string; text: string; label: string | null};

export function draftText(spans: readonly DraftSpan[]): string {
	let text = '';
	for (const span of spans) text += span.text;
	return text;
}

export function draftBlockText(block: DraftBlock): string {
	switch (block.type) {
		case 'paragraph':
		case 'heading':
		case 'caption': {
			return draftText(block.spans);
		}

		case 'blockquote': {
			return block.blocks.map((inner) => draftBlockText(inner)).join('\n');
		}

		case 'list': {
			return block.items.map((item) => draftText(item.spans)).join('\n');
		}

		case 'preformatted':
		case 'related': {
			return block.text;
		}
	}
}
