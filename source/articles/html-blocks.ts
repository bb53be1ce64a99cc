import {absoluteHttpUrl} from '../net/url.js';
import {forEachSpan, type DraftBlock, type DraftListItem, type DraftSpan} from './draft.js';

/*
 * Walks an HTML subtree (Readability's result, or a feed item's content) into draft blocks.
 * Only structure survives: images, scripts, forms and embeds are dropped, links are made absolute.
 */

type Marks = Omit<DraftSpan, 'text'>;

const skipped = new Set([
	'script',
	'style',
	'noscript',
	'template',
	'iframe',
	'object',
	'embed',
	'svg',
	'math',
	'canvas',
	'img',
	'picture',
	'video',
	'audio',
	'source',
	'track',
	'button',
	'form',
	'input',
	'select',
	'textarea',
	'nav',
	'head',
	'meta',
	'link',
	'title',
	// Ruby annotations (furigana, pinyin) read in place would double every annotated word: 子こども.
	'rt',
	'rp',
]);

const blockTags = new Set([
	'p',
	'div',
	'section',
	'article',
	'main',
	'header',
	'footer',
	'aside',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'blockquote',
	'ul',
	'ol',
	'li',
	'dl',
	'dt',
	'dd',
	'pre',
	'figure',
	'figcaption',
	'table',
	'thead',
	'tbody',
	'tfoot',
	'tr',
	'td',
	'th',
	'caption',
	'hr',
	'address',
	'details',
	'summary',
	'center',
	'body',
	'html',
]);

export function tagOf(node: Node): string {
	return node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '';
}

function isBlockElement(node: Node): boolean {
	if (node.nodeType !== 1) return false;
	const tag = tagOf(node);
	if (blockTags.has(tag)) return true;
	// An inline wrapper (span, a, font…) around block content is treated as a block container.
	return (node as Element).querySelector?.('p, div, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, table, pre, figure') != null;
}

export class BlockBuilder {
	readonly blocks: DraftBlock[] = [];
	private readonly baseUrl: string;

	constructor(baseUrl: string) {
		this.baseUrl = baseUrl;
	}

	/** Converts the children of `root` (a container) into blocks. */
	addContainer(root: Node): this {
		this.walkContainer(root, this.blocks);
		return this;
	}

	private walkContainer(container: Node, out: DraftBlock[]): void {
		let loose: DraftSpan[] = [];
		const flush = () => {
			if (loose.length > 0) pushParagraph(out, loose);
			loose = [];
		};

		for (const child of Array.from(container.childNodes)) {
			if (child.nodeType === 3) {
				loose.push({text: child.textContent ?? ''});
				continue;
			}

			if (child.nodeType !== 1) continue;
			const tag = tagOf(child);
			if (skipped.has(tag) || isHidden(child as Element)) continue;
			if (tag === 'br') {
				// Two <br> in a row separate paragraphs in loose text; one is a line break.
				if (lastIsBreak(loose)) {
					loose.pop();
					flush();
				} else {
					loose.push({text: '\n'});
				}

				continue;
			}

			if (!isBlockElement(child)) {
				this.inline(child, {}, loose);
				continue;
			}

			flush();
			this.block(child as Element, tag, out);
		}

		flush();
	}

	private block(element: Element, tag: string, out: DraftBlock[]): void {
		switch (tag) {
			case 'p':
			case 'dt':
			case 'dd':
			case 'address':
			case 'summary': {
				if (element.querySelector('p, div, ul, ol, blockquote, table, pre, h1, h2, h3, h4, h5, h6, figure')) {
					this.walkContainer(element, out);
				} else {
					pushParagraph(out, this.inlineChildren(element, {}));
				}

				break;
			}

			case 'h1':
			case 'h2':
			case 'h3':
			case 'h4':
			case 'h5':
			case 'h6': {
				const spans = this.inlineChildren(element, {});
				if (hasText(spans)) out.push({type: 'heading', level: Number(tag[1]), spans: tidySpans(spans)});
				break;
			}

			case 'blockquote': {
				const inner: DraftBlock[] = [];
				this.walkContainer(element, inner);
				forEachSpan(inner, (span) => (span.quoted = true));
				if (inner.length > 0) out.push({type: 'blockquote', blocks: inner});
				break;
			}

			case 'ul':
			case 'ol': {
				const items: DraftListItem[] = [];
				this.listItems(element, 0, items);
				if (items.length > 0) out.push({type: 'list', ordered: tag === 'ol', items});
				break;
			}

			case 'pre': {
				const text = (element.textContent ?? '').replace(/^\n/, '').replace(/\s+$/, '');
				if (text) out.push({type: 'preformatted', text});
				break;
			}

			case 'figcaption':
			case 'caption': {
				const spans = this.inlineChildren(element, {});
				if (hasText(spans)) out.push({type: 'caption', spans: tidySpans(spans)});
				break;
			}

			case 'table': {
				this.table(element, out);
				break;
			}

			case 'hr': {
				break;
			}

			default: {
				this.walkContainer(element, out);
			}
		}
	}

	private listItems(list: Element, depth: number, items: DraftListItem[]): void {
		for (const child of Array.from(list.children)) {
			if (tagOf(child) !== 'li') continue;
			const spans: DraftSpan[] = [];
			const nested: Element[] = [];
			for (const node of Array.from(child.childNodes)) {
				const tag = tagOf(node);
				if (tag === 'ul' || tag === 'ol') nested.push(node as Element);
				else if (node.nodeType === 3 || node.nodeType === 1) this.inlineOrBlockText(node, spans);
			}

			if (hasText(spans)) items.push({depth, spans: tidySpans(spans)});
			for (const inner of nested) this.listItems(inner, depth + 1, items);
		}
	}

	/** Inside a list item, paragraphs flow together as one line. */
	private inlineOrBlockText(node: Node, spans: DraftSpan[]): void {
		if (node.nodeType === 3 || !isBlockElement(node)) {
			this.inline(node, {}, spans);
			return;
		}

		if (spans.length > 0) spans.push({text: ' '});
		this.inline(node, {}, spans);
	}

	private table(table: Element, out: DraftBlock[]): void {
		for (const row of Array.from(table.querySelectorAll('tr'))) {
			const cells = Array.from(row.children).filter((cell) => ['td', 'th'].includes(tagOf(cell)));
			const spans: DraftSpan[] = [];
			for (const [index, cell] of cells.entries()) {
				if (index > 0) spans.push({text: ' | '});
				const before = spans.length;
				this.inline(cell, tagOf(cell) === 'th' ? {strong: true} : {}, spans);
				if (spans.length === before) spans.push({text: ' '});
			}

			pushParagraph(out, spans);
		}
	}

	private inlineChildren(element: Node, marks: Marks): DraftSpan[] {
		const spans: DraftSpan[] = [];
		for (const child of Array.from(element.childNodes)) this.inline(child, marks, spans);
		return spans;
	}

	private inline(node: Node, marks: Marks, out: DraftSpan[]): void {
		if (node.nodeType === 3) {
			const text = node.textContent ?? '';
			if (text) out.push({...marks, text});
			return;
		}

		if (node.nodeType !== 1) return;
		const element = node as Element;
		const tag = tagOf(element);
		if (skipped.has(tag) || isHidden(element)) return;
		let inner: Marks = marks;
		switch (tag) {
			case 'br': {
				out.push({...marks, text: '\n'});
				return;
			}

			case 'em':
			case 'i':
			case 'cite':
			case 'dfn':
			case 'var': {
				inner = {...marks, emphasis: true};
				break;
			}

			case 'strong':
			case 'b': {
				inner = {...marks, strong: true};
				break;
			}

			case 'code':
			case 'kbd':
			case 'samp':
			case 'tt': {
				inner = {...marks, code: true};
				break;
			}

			case 'a': {
				const href = this.resolve(element.getAttribute('href'));
				if (href) inner = {...marks, href};
				break;
			}

			case 'q': {
				const quoted = {...marks, quoted: true} as const;
				out.push({...quoted, text: '“'});
				for (const child of Array.from(element.childNodes)) this.inline(child, quoted, out);
				out.push({...quoted, text: '”'});
				return;
			}

			default: {
				if (isBlockElement(element) && out.length > 0) out.push({...marks, text: ' '});
			}
		}

		for (const child of Array.from(element.childNodes)) this.inline(child, inner, out);
	}

	/** Absolute http(s) URL for a link, or undefined for script, fragment-only and malformed hrefs. */
	private resolve(href: string | null): string | undefined {
		if (!href || href.trim().startsWith('#')) return undefined;
		return absoluteHttpUrl(href, this.baseUrl) ?? undefined;
	}
}

function isHidden(element: Element): boolean {
	if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
	const style = element.getAttribute('style');
	return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function lastIsBreak(spans: DraftSpan[]): boolean {
	return spans.at(-1)?.text === '\n';
}

function hasText(spans: readonly DraftSpan[]): boolean {
	return spans.some((span) => /\S/.test(span.text.replace(/\u00A0/g, ' ')));
}

function pushParagraph(out: DraftBlock[], spans: DraftSpan[]): void {
	if (hasText(spans)) out.push({type: 'paragraph', spans: tidySpans(spans)});
}

/**
 * Folds white space the way a browser lays out text (no-break spaces become plain spaces),
 * keeps explicit line breaks, trims the ends and merges neighbours with the same marks.
 */
export function tidySpans(spans: readonly DraftSpan[]): DraftSpan[] {
	const out: DraftSpan[] = [];
	let atLineStart = true;
	for (const span of spans) {
		let text = span.text.replace(/[ \t\n\r\f\u00A0]+/g, (run) => (run === '\n' && span.text === '\n' ? '\n' : ' '));
		if (atLineStart) text = text.replace(/^ +/, '');
		if (!text) continue;
		atLineStart = text.endsWith(' ') || text.endsWith('\n');
		const previous = out.at(-1);
		if (previous && text.startsWith('\n')) previous.text = trimEndSpaces(previous.text);
		if (previous && sameMarks(previous, span)) previous.text += text;
		else out.push({...span, text});
	}

	// Trim the end, dropping spans that become empty.
	while (out.length > 0) {
		const last = out.at(-1)!;
		last.text = last.text.replace(/[ \n]+$/, '');
		if (last.text) break;
		out.pop();
	}

	return out;
}

export function sameMarks(a: Omit<DraftSpan, 'text'>, b: Omit<DraftSpan, 'text'>): boolean {
	return (
		a.emphasis === b.emphasis &&
		a.strong === b.strong &&
		a.code === b.code &&
		a.href === b.href &&
		a.quoted === b.quoted &&
		a.quote === b.quote
	);
}

/** The text without its trailing spaces; / +$/ would rescan a long run of spaces from each of them. */
function trimEndSpaces(text: string): string {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
	return text.slice(0, end);
}
