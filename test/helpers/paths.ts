import {fileURLToPath} from 'node:url';

/** ../shared beside the repository (read-only, present in CI too). */
export const sharedDirectory = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const fixturesDirectory = `${sharedDirectory}fixtures/web/`;
export const corporaDirectory = `${sharedDirectory}corpora/`;
export const seedDirectory = `${sharedDirectory}seed/`;
export const repoDirectory = fileURLToPath(new URL('../../', import.meta.url));

export const seedHost = 'www.aljazeera.com';
export const seedPath = '/news/2017/08/tillerson-lavrov-russian-meddling-led-mistrust-170807054302155.html';

/** Text compared as the seed acceptance allows: no-break spaces as spaces, trailing white space ignored. */
export function comparableText(text: string): string {
	return text
		.replace(/\u00A0/g, ' ')
		.split('\n')
		.map((line) => line.trimEnd())
		.join('\n')
		.trim();
}
