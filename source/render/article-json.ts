import type {ArticleDocument} from '../articles/document.js';
import {attributeQuotes, type QuoteAttribution} from '../articles/speakers.js';

/** The article document as JSON gives it (`read --format json`, `export --full`): with each quotation's speaker and role. */
export type ArticleJson = ArticleDocument & {readonly quotes: readonly QuoteAttribution[]};

export function articleJson(document: ArticleDocument): ArticleJson {
	return {...document, quotes: attributeQuotes(document)};
}
