import {collapseWhitespace} from '../text/html-text.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {articleDocumentVersion, blockText, type ArticleDocument, type ArticleLink, type Block, type Span} from './document.js';
import type {DraftBlock, DraftSpan} from './draft.js';

export type DocumentHead = Omit<ArticleDocument, 'version' | 'blocks' | 'links' | 'wordCount' | 'readingMinutes'>;

const wordsPerMinute = 230;

/** Numbers the links in reading order (one number per URL) and freezes the draft into the document. */
export function finaliseDocument(head: DocumentHead, drafts: readonly DraftBlock[]): ArticleDocument {
	const links: ArticleLink[] = [];
	const numbers = new Map<string, number>();
	const numberOf = (href: string, text: string, related: boolean): number => {
		const known = numbers.get(href);
		if (known !== undefined) {
			if (related) {
				const index = known - 1;
				links[index] = {...links[index]!, related: true};
			}

			return known;
		}

		const number = links.length + 1;
		numbers.set(href, number);
		links.push({number, href, text: safeText(collapseWhitespace(text)), related});
		return number;
	};

	const spans = (drafts: readonly DraftSpan[]): Span[] => {
		const out: Span[] = [];
		for (let index = 0; index < drafts.length; index++) {
			const draft = drafts[index]!;
			let linkText = '';
			if (draft.href) {
				// The whole run of spans sharing this href is the link's text.
				for (let end = index; end < drafts.length && drafts[end]!.href === draft.href; end++) linkText += drafts[end]!.text;
			}

			out.push(freezeSpan(draft, draft.href ? numberOf(draft.href, linkText, false) : undefined));
			while (draft.href && drafts[index + 1]?.href === draft.href) {
				index++;
				out.push(freezeSpan(drafts[index]!, numbers.get(draft.href)));
			}
		}

		return out;
	};

	const block = (draft: DraftBlock): Block => {
		switch (draft.type) {
			case 'paragraph':
			case 'caption': {
				return {type: draft.type, spans: spans(draft.spans)};
			}

			case 'heading': {
				return {type: 'heading', level: draft.level, spans: spans(draft.spans)};
			}

			case 'blockquote': {
				return {type: 'blockquote', blocks: draft.blocks.map((inner) => block(inner))};
			}

			case 'list': {
				return {type: 'list', ordered: draft.ordered, items: draft.items.map((item) => ({depth: item.depth, spans: spans(item.spans)}))};
			}

			case 'preformatted': {
				return {type: 'preformatted', text: safeText(draft.text)};
			}

			case 'related': {
				return {
					type: 'related',
					link: numberOf(draft.href, draft.text, true),
					text: safeText(draft.text),
					label: draft.label && safeText(draft.label),
				};
			}
		}
	};

	const blocks = drafts.map((draft) => block(draft)).filter((entry) => blockText(entry).trim() !== '');
	const wordCount = countWords([head.title, head.standfirst ?? '', ...blocks.map((entry) => blockText(entry))].join(' '));
	return {
		version: articleDocumentVersion,
		...safeHead(head),
		wordCount,
		readingMinutes: Math.max(1, Math.round(wordCount / wordsPerMinute)),
		blocks,
		links,
	};
}

function freezeSpan(draft: DraftSpan, link: number | undefined): Span {
	const span: {-readonly [K in keyof Span]: Span[K]} = {text: safeText(draft.text)};
	if (draft.emphasis) span.emphasis = true;
	if (draft.strong) span.strong = true;
	if (draft.code) span.code = true;
	if (link !== undefined) span.link = link;
	if (draft.quote !== undefined) span.quote = draft.quote;
	return span;
}

function countWords(text: string): number {
	const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
	return words?.length ?? 0;
}

/** Page text reaches every renderer through here: no escape sequences, controls or bidi overrides. */
function safeText(text: string): string {
	return sanitizeTerminal(text, {keepNewlines: true});
}

function safeHead(head: DocumentHead): DocumentHead {
	const optional = (value: string | null) => (value === null ? null : safeText(value));
	return {
		...head,
		title: safeText(head.title),
		byline: optional(head.byline),
		siteName: optional(head.siteName),
		standfirst: optional(head.standfirst),
		source: optional(head.source),
		image: head.image && {...head.image, caption: optional(head.image.caption), credit: optional(head.image.credit)},
	};
}
