import {Readability} from '@mozilla/readability';
import {parseHTML} from 'linkedom';
import {BroadsheetError, describeUrl} from '../net/errors.js';
import {collapseWhitespace, htmlToPlainText} from '../text/html-text.js';
import type {ArticleDocument} from './document.js';
import {type DraftBlock} from './draft.js';
import {blockText} from './document.js';
import {finaliseDocument} from './finalise.js';
import {BlockBuilder} from './html-blocks.js';
import {readPageMetadata} from './metadata.js';
import {pruneFurniture} from './boilerplate.js';
import {dropFurnitureBlocks} from './boilerplate-text.js';
import {dropLinkClusters, findArticleRoot} from './article-root.js';
import {findBody, readPageExtras, sourceLine} from './page-extras.js';
import {stripInertMarkup} from '../text/strip-inert.js';
import {maxNodes, tameMarkup} from '../text/tame-markup.js';
import {markQuotes} from './quotes.js';
import {insertRelatedGroups, markRelatedLinks} from './related.js';

export type BodyExtractor = 'auto' | 'readability' | 'own';

export type ExtractOptions = {
	/** Which body extractor decides: ours where its evidence is strong and Readability otherwise (`auto`), or one of them. */
	readonly body?: BodyExtractor;
};

/**
 * Page HTML → article document: linkedom for the DOM (no scripts run), furniture removed, the body
 * from our own extractor where its evidence is strong and from Readability otherwise, then our own
 * pass for the structure, the standfirst, caption, source line, related links and quotations.
 */
export function extractArticle(html: string, pageUrl: string, options: ExtractOptions = {}): ArticleDocument {
	const tamed = tameMarkup(stripInertMarkup(html));
	if (tamed === undefined) {
		const limit = maxNodes.toLocaleString('en');
		throw new BroadsheetError(
			'not-article',
			`${describeUrl(pageUrl)}: the page has over ${limit} elements and entities: too large to read`,
			{
				url: pageUrl,
			},
		);
	}

	const {document} = parseHTML(tamed);
	const metadata = readPageMetadata(document, pageUrl);
	const paragraphs = findBody(document);
	const extras = readPageExtras(document, metadata, paragraphs);
	if (document.body) pruneFurniture(document.body, paragraphs?.paragraphs ?? []);
	const mode = options.body ?? 'auto';
	const root = mode !== 'readability' && document.body ? findArticleRoot(document.body, metadata.articleBody) : undefined;
	if (root) dropLinkClusters(root.element);
	const body = root
		? {content: root.element, title: null, byline: null, siteName: null, lang: null}
		: mode === 'own'
			? undefined
			: readabilityBody(document, pageUrl);
	const content = body?.content;
	if (!body || !content)
		throw new BroadsheetError('not-article', `${describeUrl(pageUrl)}: no readable article on this page`, {url: pageUrl});

	const title = metadata.title ?? collapseWhitespace(body.title ?? '');
	let blocks = dropFurnitureBlocks(new BlockBuilder(metadata.baseUrl).addContainer(content).blocks);
	let source = extras.source;
	blocks = blocks.filter((block, index) => {
		const text = collapseWhitespace(blockText(block));
		if (index < 3 && (block.type === 'heading' || block.type === 'paragraph') && text === title) return false;
		if (text === extras.standfirst || (block.type === 'caption' && text === extras.caption)) return false;
		const sourceMatch = block.type === 'paragraph' && index >= blocks.length - 3 ? sourceLine.exec(text) : null;
		if (sourceMatch) {
			source ??= sourceMatch[1]!.trim();
			return false;
		}

		return true;
	});

	const pageIdentity = metadata.canonicalUrl ?? pageUrl;
	blocks = insertRelatedGroups(markRelatedLinks(blocks, pageIdentity), extras.relatedGroups);
	markQuotes(blocks);

	return finaliseDocument(
		{
			url: pageUrl,
			canonicalUrl: metadata.canonicalUrl,
			title: title || pageUrl,
			byline: metadata.byline ?? bylineFrom(body.byline, metadata.siteName),
			siteName: metadata.siteName ?? (collapseWhitespace(body.siteName ?? '') || null),
			published: metadata.published ?? null,
			standfirst: extras.standfirst,
			image: metadata.imageUrl || extras.caption ? {url: metadata.imageUrl, caption: extras.caption, credit: extras.credit} : null,
			source,
			language: metadata.language ?? body.lang ?? null,
			extractedFrom: 'page',
		},
		blocks,
	);
}

type ReadabilityBody = {
	readonly content: Element | null | undefined;
	readonly title: string | null | undefined;
	readonly byline: string | null | undefined;
	readonly siteName: string | null | undefined;
	readonly lang: string | null | undefined;
};

function readabilityBody(document: Document, pageUrl: string): ReadabilityBody | undefined {
	try {
		return (
			new Readability<Element>(document as unknown as Document, {
				maxElemsToParse: maxNodes,
				serializer: (element: Node) => element as Element,
			}).parse() ?? undefined
		);
	} catch (error) {
		throw new BroadsheetError('not-article', `${describeUrl(pageUrl)}: the page is too large to read (${(error as Error).message})`, {
			url: pageUrl,
			cause: error,
		});
	}
}

function bylineFrom(byline: string | null | undefined, siteName: string | null): string | null {
	const text = collapseWhitespace(byline ?? '').replace(/^by\s+/i, '');
	return text && text !== siteName ? text : null;
}

/**
 * Exposed for the feed fallback: the same block pass over a fragment of HTML, tamed as pages are.
 * A fragment too large for a DOM is still read, as plain text.
 */
export function htmlFragmentToBlocks(html: string, baseUrl: string): DraftBlock[] {
	const tamed = tameMarkup(stripInertMarkup(html));
	if (tamed === undefined) {
		const text = htmlToPlainText(html);
		return text ? [{type: 'paragraph', spans: [{text}]}] : [];
	}

	const {document} = parseHTML(`<!doctype html><html><body>${tamed}</body></html>`);
	return new BlockBuilder(baseUrl).addContainer(document.body).blocks;
}
