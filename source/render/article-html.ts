import type {ArticleDocument, Block, ListItem, Span} from '../articles/document.js';
import {escapeHtml} from '../text/escape-html.js';
import {articleMetaLine} from './article-meta.js';
import {attributeQuotes, keyQuotes} from '../articles/speakers.js';

/**
 * A clean standalone page: everything from the page is escaped, nothing executable is copied,
 * and a Content-Security-Policy forbids scripts even if something slipped through.
 */
export function articleToHtml(document: ArticleDocument): string {
	const links = new Map(document.links.map((link) => [link.number, link.href]));
	const body: string[] = [`<h1>${escapeHtml(document.title)}</h1>`, `<p class="meta">${escapeHtml(articleMetaLine(document))}</p>`];
	if (document.standfirst) body.push(`<p class="standfirst">${escapeHtml(document.standfirst)}</p>`);
	if (document.image?.caption) body.push(`<p class="caption">${escapeHtml(document.image.caption)}</p>`);
	for (const block of document.blocks) body.push(blockToHtml(block, links));
	if (document.source) body.push(`<p class="source">Source: ${escapeHtml(document.source)}</p>`);
	const quotes = keyQuotes(attributeQuotes(document));
	if (quotes.length > 0) {
		const groups = quotes.map(
			({speaker, role, quotes}) =>
				`<h3>${speaker ? escapeHtml(speaker) : 'Not attributed'}${role ? ` <span class="role">${escapeHtml(role)}</span>` : ''}</h3><ul>${quotes.map(({text}) => `<li class="quote">${escapeHtml(text)}</li>`).join('')}</ul>`,
		);
		body.push(`<aside class="key-quotes"><h2>Key quotes</h2>${groups.join('')}</aside>`);
	}
	const related = document.links.filter((link) => link.related);
	if (related.length > 0) {
		body.push(
			`<aside><h2>Related</h2><ul>${related.map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></li>`).join('')}</ul></aside>`,
		);
	}

	const original = document.canonicalUrl ?? document.url;
	body.push(`<p class="original"><a href="${escapeHtml(original)}">Read the original</a></p>`);
	const lang = document.language ? ` lang="${escapeHtml(document.language)}"` : '';
	return `<!doctype html>
<html${lang}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: http:">
<meta name="generator" content="broadsheet">
<title>${escapeHtml(document.title)}</title>
<style>${stylesheet}</style>
</head>
<body>
<article>
${body.join('\n')}
</article>
</body>
</html>
`;
}

const stylesheet = `body{font:18px/1.6 Georgia,serif;max-width:40em;margin:2em auto;padding:0 1em;color:#222;background:#fffdf8}
h1{font-size:2em;line-height:1.2}.meta,.caption,.source,.role{color:#666;font-size:.9em}.standfirst{font-size:1.15em;font-style:italic}
blockquote{border-left:3px solid #c33;margin-left:0;padding-left:1em}.quote{color:#8a1c1c}.related a{font-weight:bold}
pre{overflow:auto;background:#f3f1ea;padding:.8em}@media (prefers-color-scheme:dark){body{color:#ddd;background:#161616}.quote{color:#f08a8a}}`;

function blockToHtml(block: Block, links: ReadonlyMap<number, string>): string {
	switch (block.type) {
		case 'paragraph': {
			return `<p>${spansToHtml(block.spans, links)}</p>`;
		}

		case 'heading': {
			const level = Math.min(6, Math.max(2, block.level));
			return `<h${level}>${spansToHtml(block.spans, links)}</h${level}>`;
		}

		case 'caption': {
			return `<p class="caption">${spansToHtml(block.spans, links)}</p>`;
		}

		case 'blockquote': {
			return `<blockquote>${block.blocks.map((inner) => blockToHtml(inner, links)).join('')}</blockquote>`;
		}

		case 'list': {
			return listToHtml(block.items, block.ordered ? 'ol' : 'ul', links);
		}

		case 'preformatted': {
			return `<pre>${escapeHtml(block.text)}</pre>`;
		}

		case 'related': {
			return `<p class="related"><a href="${escapeHtml(links.get(block.link) ?? '')}">${escapeHtml(block.text)}</a></p>`;
		}
	}
}

/** Nested lists from the flat items and their depths. */
function listToHtml(items: readonly ListItem[], tag: 'ol' | 'ul', links: ReadonlyMap<number, string>): string {
	let html = '';
	let depth = -1;
	for (const item of items) {
		while (depth < item.depth) {
			html += `<${tag}>`;
			depth++;
		}

		while (depth > item.depth) {
			html += `</${tag}>`;
			depth--;
		}

		html += `<li>${spansToHtml(item.spans, links)}</li>`;
	}

	while (depth >= 0) {
		html += `</${tag}>`;
		depth--;
	}

	return html;
}

function spansToHtml(spans: readonly Span[], links: ReadonlyMap<number, string>): string {
	let html = '';
	let openLink: number | undefined;
	let openQuote: number | undefined;
	for (const span of spans) {
		// Quotation spans enclose link tags: a change of quotation closes the link and reopens it inside.
		const quoteChanges = span.quote !== openQuote;
		if (openLink !== undefined && (span.link !== openLink || quoteChanges)) {
			html += '</a>';
			openLink = undefined;
		}

		if (quoteChanges) {
			if (openQuote !== undefined) html += '</span>';
			if (span.quote !== undefined) html += '<span class="quote">';
			openQuote = span.quote;
		}

		if (span.link !== undefined && openLink === undefined) {
			html += `<a href="${escapeHtml(links.get(span.link) ?? '')}">`;
			openLink = span.link;
		}

		let text = escapeHtml(span.text).replace(/\n/g, '<br>');
		if (span.code) text = `<code>${text}</code>`;
		if (span.emphasis) text = `<em>${text}</em>`;
		if (span.strong) text = `<strong>${text}</strong>`;
		html += text;
	}

	if (openLink !== undefined) html += '</a>';
	if (openQuote !== undefined) html += '</span>';
	return html;
}
