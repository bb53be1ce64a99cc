import {readFile, stat} from 'node:fs/promises';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {ArticleDocument} from '../articles/document.js';
import {articleFromHtml, fetchArticle} from '../articles/fetch-page.js';
import {articleToHtml} from '../render/article-html.js';
import {articleToMarkdown} from '../render/article-markdown.js';
import {articleJson} from '../render/article-json.js';
import {articleToText} from '../render/article-text.js';
import {articleFormats, type ArticleFormat} from '../render/formats.js';
import {BroadsheetError, describeUrl} from '../net/errors.js';
import {mebibyte} from '../net/http.js';
import {UsageError} from './output.js';
import {writeOut} from './output-stream.js';

export type ReadOptions = {
	readonly format: string;
	/** Wrap text to this many columns; 0 turns wrapping off. Default: the terminal's width, capped at 100, on a TTY. */
	readonly width: number | undefined;
};

const maxReadableColumns = 100;

/** `broadsheet read <url|file>`: prints one article and exits. */
export async function readCommand(input: string | undefined, options: ReadOptions): Promise<void> {
	if (!input) throw new UsageError('read needs a URL or a file: broadsheet read <url|file>');
	const format = parseFormat(options.format);
	if (options.width !== undefined && (!Number.isInteger(options.width) || options.width < 0)) {
		throw new UsageError(`--width must be a whole number of columns, not ${options.width}`);
	}

	const document = await loadArticle(input);
	const width = options.width ?? (process.stdout.isTTY ? Math.min(process.stdout.columns || 80, maxReadableColumns) : 0);
	await writeOut(renderArticle(document, format, width));
}

export function renderArticle(document: ArticleDocument, format: ArticleFormat, width = 0): string {
	switch (format) {
		case 'text': {
			return articleToText(document, {width});
		}

		case 'markdown': {
			return articleToMarkdown(document);
		}

		case 'json': {
			return JSON.stringify(articleJson(document), null, 2) + '\n';
		}

		case 'html': {
			return articleToHtml(document);
		}
	}
}

function parseFormat(format: string): ArticleFormat {
	const normalised = format === 'md' ? 'markdown' : format === 'txt' ? 'text' : format;
	if ((articleFormats as readonly string[]).includes(normalised)) return normalised as ArticleFormat;
	throw new UsageError(`unknown format "${format}": use ${articleFormats.join(', ')}`);
}

/** A URL is fetched; anything else must be a file on disk. */
async function loadArticle(input: string): Promise<ArticleDocument> {
	if (/^[a-z][a-z\d+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input)) return fetchArticle(input);
	const path = resolve(input);
	const info = await stat(path).catch(() => undefined);
	if (!info?.isFile()) {
		throw new BroadsheetError('invalid-url', `not a URL or a readable file: ${describeUrl(input)}`, {url: input});
	}

	if (info.size > 5 * mebibyte) throw new BroadsheetError('too-large', `${describeUrl(input)}: larger than 5 MiB`);
	return articleFromHtml(await readFile(path), pathToFileURL(path).href);
}
