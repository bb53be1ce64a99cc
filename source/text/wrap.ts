import stringWidth from 'string-width';
import {narrowText} from './narrow-text.js';

// Created on first use: loading ICU's break rules costs ~14 ms, which the first paint need not pay.
let segmenter: Intl.Segmenter | undefined;

/** The user-perceived characters of a string (a flag, an emoji with its skin tone, a letter with its accents). */
export function* graphemes(text: string): Generator<string> {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	for (const {segment} of segmenter.segment(text)) yield segment;
}

/** Terminal columns a string takes: per grapheme, wide for CJK and emoji, zero for combining marks. */
export function displayWidth(text: string): number {
	return narrowText.test(text) ? text.length : stringWidth(text);
}

/**
 * Word-wraps plain text to `width` columns. Existing newlines are kept; words longer than
 * a line are cut between graphemes, never inside one. Width 0 or less: no wrapping.
 */
export function wrapText(text: string, width: number): string[] {
	if (width <= 0) return text.split('\n');
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) wrapLine(paragraph, width, lines);
	return lines;
}

function wrapLine(text: string, width: number, lines: string[]): void {
	let line = '';
	let lineWidth = 0;
	for (const word of text.split(/ +/)) {
		if (!word) continue;
		const wordWidth = displayWidth(word);
		if (lineWidth > 0 && lineWidth + 1 + wordWidth <= width) {
			line += ' ' + word;
			lineWidth += 1 + wordWidth;
			continue;
		}

		if (lineWidth > 0) lines.push(line);
		if (wordWidth <= width) {
			line = word;
			lineWidth = wordWidth;
			continue;
		}

		// A word wider than the line: cut it into line-sized pieces.
		line = '';
		lineWidth = 0;
		for (const segment of graphemes(word)) {
			const segmentWidth = displayWidth(segment);
			if (lineWidth + segmentWidth > width && lineWidth > 0) {
				lines.push(line);
				line = '';
				lineWidth = 0;
			}

			line += segment;
			lineWidth += segmentWidth;
		}
	}

	lines.push(line);
}

/** Cuts text to at most `width` columns, ending with "…" when cut; never splits a grapheme. */
export function truncateToWidth(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	if (width <= 0) return '';
	let out = '';
	let used = 0;
	for (const segment of graphemes(text)) {
		const segmentWidth = displayWidth(segment);
		if (used + segmentWidth > width - 1) break;
		out += segment;
		used += segmentWidth;
	}

	return out + '…';
}
