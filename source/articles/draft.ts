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

/** Calls `visit` with every span of the blocks, nested ones included (related lines and preformatted text have none). */
export function forEachSpan(blocks: readonly DraftBlock[], visit: (span: DraftSpan) => void): void {
	for (const block of blocks) {
		if (block.type === 'paragraph' || block.type === 'heading' || block.type === 'caption') block.spans.forEach(visit);
		else if (block.type === 'list') for (const item of block.items) item.spans.forEach(visit);
		else if (block.type === 'blockquote') forEachSpan(block.blocks, visit);
	}
}
