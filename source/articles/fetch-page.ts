import {decodeBody} from '../net/charset.js';
import {BroadsheetError, describeUrl} from '../net/errors.js';
import {httpGet, mebibyte, type GetOptions} from '../net/http.js';
import type {ArticleDocument} from './document.js';
import {extractArticle, type ExtractOptions} from './extract.js';

const pageAccept = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
const htmlTypes = /^(?:text\/html|application\/xhtml\+xml|application\/xml|text\/xml)\b/i;

/** Fetches a web page (5 MiB cap) and extracts its article. */
export async function fetchArticle(url: string, options: Omit<GetOptions, 'accept'> = {}): Promise<ArticleDocument> {
	const response = await httpGet(url, {maxBytes: 5 * mebibyte, ...options, accept: pageAccept});
	if (response.notModified) throw new BroadsheetError('http', `${describeUrl(url)}: unexpected 304`, {url, status: 304});
	const mediaType = response.contentType?.split(';')[0]?.trim();
	if (mediaType ? !htmlTypes.test(mediaType) : !looksLikeMarkup(response.body)) {
		throw new BroadsheetError('not-html', `${describeUrl(response.url)}: not a web page (${describeUrl(mediaType ?? 'unknown type')})`, {
			url: response.url,
		});
	}

	const {text} = decodeBody(response.body, response.contentType, 'html');
	return extractArticle(text, response.url);
}

/** Reads a saved page from disk. */
export function articleFromHtml(bytes: Uint8Array, fileUrl: string, options?: ExtractOptions): ArticleDocument {
	if (!looksLikeMarkup(bytes)) throw new BroadsheetError('not-html', `${describeUrl(fileUrl)}: not an HTML file`, {url: fileUrl});
	const {text} = decodeBody(bytes, undefined, 'html');
	return extractArticle(text, fileUrl, options);
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
	const head = new TextDecoder('utf-8')
		.decode(bytes.subarray(0, 1024))
		.replace(/^\uFEFF/, '')
		.trimStart();
	return head.startsWith('<');
}
