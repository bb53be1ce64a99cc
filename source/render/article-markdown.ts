import {type ArticleDocument, type Block, type Span} from '../articles/document.js';
import {articleMetaLine} from './article-meta.js';
import {attributeQuotes, keyQuotes} from '../articles/speakers.js';

/**
 * Markdown with footnote-style links (`[text][n]` and `[n]: url` at the end). Related links stay
 * where the article put them and are listed again under "Related". Page text is escaped.
 */
export function articleToMarkdown(document: ArticleDocument): string {
	const parts: string[] = [`# ${escapeMarkdown(document.title)}`, escapeMarkdown(articleMetaLine(document))];
	if (document.standfirst) parts.push(`_${escapeMarkdown(document.standfirst)}_`);
	if (document.image?.caption) parts.push(`> ${escapeMarkdown(document.image.caption)}`);
	for (const block of document.blocks) parts.push(blockToMarkdown(block));
	if (document.source) parts.push(`Source: ${escapeMarkdown(document.source)}`);
	const quotes = keyQuotes(attributeQuotes(document));
	if (quotes.length > 0) {
		parts.push(
			'## Key quotes',
			...quotes.map(
				({speaker, role, quotes}) =>
					`**${speaker ? escapeMarkdown(speaker) : 'Not attributed'}**${role ? `, ${escapeMarkdown(role)}` : ''}\n\n` +
					quotes.map(({text}) => `- ${escapeMarkdown(text)}`).join('\n'),
			),
		);
	}

	const related = document.links.filter((link) => link.related);
	if (related.length > 0) {
		parts.push('## Related', related.map((link) => `- [${escapeMarkdown(link.text)}][${link.number}]`).join('\n'));
	}

	parts.push(`Read the original: <${document.canonicalUrl ?? document.url}>`);
	if (document.links.length > 0) {
		parts.push(document.links.map((link) => `[${link.number}]: ${encodeUrl(link.href)}`).join('\n'));
	}

	return parts.join('\n\n') + '\n';
}

function blockToMarkdown(block: Block): string {
	switch (block.type) {
		case 'paragraph': {
			return spansToMarkdown(block.spans);
		}

		case 'heading': {
			return `${'#'.repeat(Math.min(6, Math.max(2, block.level)))} ${spansToMarkdown(block.spans)}`;
		}

		case 'caption': {
			return `_${spansToMarkdown(block.spans)}_`;
		}

		case 'blockquote': {
			return block.blocks
				.map((inner) => blockToMarkdown(inner))
				.join('\n\n')
				.split('\n')
				.map((line) => (line ? `> ${line}` : '>'))
				.join('\n');
		}

		case 'list': {
			return block.items
				.map((item, index) => `${'   '.repeat(item.depth)}${block.ordered ? `${index + 1}.` : '-'} ${spansToMarkdown(item.spans)}`)
				.join('\n');
		}

		case 'preformatted': {
			const fence = '`'.repeat(Math.max(3, longestRun(block.text, '`') + 1));
			return `${fence}\n${block.text}\n${fence}`;
		}

		case 'related': {
			return `→ [${escapeMarkdown(block.text)}][${block.link}]`;
		}
	}
}

function spansToMarkdown(spans: readonly Span[]): string {
	let out = '';
	for (let index = 0; index < spans.length; index++) {
		const span = spans[index]!;
		if (span.link === undefined) {
			out += styled(span);
			continue;
		}

		// A link covers every neighbouring span with the same number.
		let inner = '';
		const number = span.link;
		for (; index < spans.length && spans[index]!.link === number; index++) inner += styled(spans[index]!);
		index--;
		out += `[${inner}][${number}]`;
	}

	return out.replace(/\n/g, '  \n');
}

function styled(span: Span): string {
	if (span.code) {
		const fence = '`'.repeat(longestRun(span.text, '`') + 1);
		return `${fence}${span.text}${fence}`;
	}

	let text = escapeMarkdown(span.text);
	// Emphasis markers must hug the text: keep surrounding spaces outside them. (Trimmed, not matched:
	// /^(\s*)([\s\S]*?)(\s*)$/ is quadratic in the spaces inside a span, 13 s for 50,000.)
	const core = text.trim();
	const lead = text.slice(0, text.length - text.trimStart().length);
	const trail = text.slice(text.trimEnd().length);
	if (!core) return text;
	text = core;
	if (span.emphasis) text = `_${text}_`;
	if (span.strong) text = `**${text}**`;
	return `${lead}${text}${trail}`;
}

/** Escapes what Markdown would read as syntax, so page text stays text. */
export function escapeMarkdown(text: string): string {
	return (
		text
			.replace(/[\\`*_[\]<>|~]/g, '\\$&')
			// Indentation is spaces and tabs: \s* would also cross newlines, rescanning every blank line (quadratic).
			.replace(/^([ \t]*)([#+-])(\s)/gm, '$1\\$2$3')
			.replace(/^([ \t]*\d+)([.)])(\s)/gm, '$1\\$2$3')
	);
}

function encodeUrl(url: string): string {
	return url.replace(/[\s<>()]/g, (char) => encodeURIComponent(char));
}

function longestRun(text: string, char: string): number {
	let longest = 0;
	let run = 0;
	for (const current of text) {
		run = current === char ? run + 1 : 0;
		longest = Math.max(longest, run);
	}

	return longest;
}
