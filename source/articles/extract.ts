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
import {findBody, readPageExtras, sourceLine} from './page-extras.js';
import {stripInertMarkup} from '../text/strip-inert.js';
import {maxNodes, tameMarkup} from '../text/tame-markup.js';
import {markQuotes} from './quotes.js';
import {insertRelatedGroups, markRelatedLinks} from './related.js';

/**
 * Page HTML → article document: linkedom for the DOM (no scripts run), Readability for the body,
 * our own pass for the structure, the standfirst, caption, source line, related links and quotations.
 */
export function extractArticle(html: string, pageUrl: string): ArticleDocument {
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
	const extras = readPageExtras(document, metadata);
	if (document.body) pruneFurniture(document.body, findBody(document)?.paragraphs ?? []);

	let result: ReturnType<Readability<Element>['parse']>;
	try {
		result = new Readability<Element>(document as unknown as Document, {
			maxElemsToParse: maxNodes,
			serializer: (element: Node) => element as Element,
		}).parse();
	} catch (error) {
		throw new BroadsheetError('not-article', `${describeUrl(pageUrl)}: the page is too large to read (${(error as Error).message})`, {
			url: pageUrl,
			cause: error,
		});
	}

	if (!result?.content)
		throw new BroadsheetError('not-article', `${describeUrl(pageUrl)}: no readable article on this page`, {url: pageUrl});

	const title = metadata.title ?? collapseWhitespace(result.title ?? '');
	let blocks = dropFurnitureBlocks(new BlockBuilder(metadata.baseUrl).addContainer(result.content).blocks);
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
			byline: metadata.byline ?? bylineFrom(result.byline, metadata.siteName),
			siteName: metadata.siteName ?? (collapseWhitespace(result.siteName ?? '') || null),
			published: metadata.published ?? null,
			standfirst: extras.standfirst,
			image: metadata.imageUrl || extras.caption ? {url: metadata.imageUrl, caption: extras.caption, credit: extras.credit} : null,
			source,
			language: metadata.language ?? result.lang ?? null,
			extractedFrom: 'page',
		},
		blocks,
	);
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
