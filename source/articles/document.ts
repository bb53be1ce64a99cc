/**
 * The article document: the one model that the reader view and every exporter render.
 * Plain JSON data; `version` changes whenever its shape does.
 */

export const articleDocumentVersion = 1;

/**
 * A run of text with its marks. Adjacent runs with the same `link` belong to one link,
 * adjacent runs with the same `quote` to one quotation (which includes its quotation marks).
 */
export type Span = {
	readonly text: string;
	readonly emphasis?: true;
	readonly strong?: true;
	readonly code?: true;
	/** Number of the link in `ArticleDocument.links`. */
	readonly link?: number;
	/** Number of the quotation, counted from 1 in reading order. */
	readonly quote?: number;
};

export type ParagraphBlock = {readonly type: 'paragraph'; readonly spans: readonly Span[]};
export type HeadingBlock = {readonly type: 'heading'; readonly level: number; readonly spans: readonly Span[]};
export type BlockquoteBlock = {readonly type: 'blockquote'; readonly blocks: readonly Block[]};
export type ListItem = {readonly depth: number; readonly spans: readonly Span[]};
export type ListBlock = {readonly type: 'list'; readonly ordered: boolean; readonly items: readonly ListItem[]};
export type PreformattedBlock = {readonly type: 'preformatted'; readonly text: string};
export type CaptionBlock = {readonly type: 'caption'; readonly spans: readonly Span[]};
/** A link to another story, standing on its own line where the article put it. */
export type RelatedBlock = {
	readonly type: 'related';
	readonly link: number;
	/** The whole line as the page wrote it, label included. */
	readonly text: string;
	/** "OPINION", "WATCH", "Read more"…: a prefix of `text`, or null. */
	readonly label: string | null;
};

export type Block = ParagraphBlock | HeadingBlock | BlockquoteBlock | ListBlock | PreformattedBlock | CaptionBlock | RelatedBlock;

export type ArticleLink = {
	readonly number: number;
	readonly href: string;
	/** The text of its first appearance. */
	readonly text: string;
	/** True when it appears as a related-story line. */
	readonly related: boolean;
};

export type LeadImage = {readonly url: string | null; readonly caption: string | null; readonly credit: string | null};

export type ArticleDocument = {
	readonly version: typeof articleDocumentVersion;
	readonly url: string;
	readonly canonicalUrl: string | null;
	readonly title: string;
	readonly byline: string | null;
	readonly siteName: string | null;
	/** ISO 8601 UTC, or null. */
	readonly published: string | null;
	readonly standfirst: string | null;
	readonly image: LeadImage | null;
	/** Who the story comes from, as the page says it: "Al Jazeera, News Agencies". */
	readonly source: string | null;
	readonly language: string | null;
	readonly wordCount: number;
	readonly readingMinutes: number;
	readonly extractedFrom: 'page' | 'feed';
	readonly blocks: readonly Block[];
	readonly links: readonly ArticleLink[];
};

/** What text is read from, in the article document and in its draft alike. */
type TextSpan = {readonly text: string};
export type TextBlock =
	| {readonly type: 'paragraph' | 'heading' | 'caption'; readonly spans: readonly TextSpan[]}
	| {readonly type: 'blockquote'; readonly blocks: readonly TextBlock[]}
	| {
			readonly type: 'list';
			readonly ordered: boolean;
			readonly items: ReadonlyArray<{readonly depth: number; readonly spans: readonly TextSpan[]}>;
	  }
	| {readonly type: 'preformatted' | 'related'; readonly text: string};

export function spansText(spans: readonly TextSpan[]): string {
	let text = '';
	for (const span of spans) text += span.text;
	return text;
}

/**
 * The text of a block as one string: list items and nested blocks on lines of their own. `forReading`
 * (the plain-text article) puts a blank line between quoted paragraphs and marks list items (•, 1.).
 */
export function blockText(block: TextBlock, options: {readonly forReading?: boolean} = {}): string {
	switch (block.type) {
		case 'paragraph':
		case 'heading':
		case 'caption': {
			return spansText(block.spans);
		}

		case 'blockquote': {
			return block.blocks.map((inner) => blockText(inner, options)).join(options.forReading ? '\n\n' : '\n');
		}

		case 'list': {
			return block.items
				.map((item, index) =>
					options.forReading
						? `${'  '.repeat(item.depth)}${block.ordered ? `${index + 1}.` : '•'} ${spansText(item.spans)}`
						: spansText(item.spans),
				)
				.join('\n');
		}

		case 'preformatted':
		case 'related': {
			return block.text;
		}
	}
}

/** Every span of the document in reading order, with the block it belongs to. */
export function* spansOf(block: Block): Generator<Span> {
	switch (block.type) {
		case 'paragraph':
		case 'heading':
		case 'caption': {
			yield* block.spans;
			break;
		}

		case 'blockquote': {
			for (const inner of block.blocks) yield* spansOf(inner);
			break;
		}

		case 'list': {
			for (const item of block.items) yield* item.spans;
			break;
		}

		case 'preformatted':
		case 'related': {
			break;
		}
	}
}
