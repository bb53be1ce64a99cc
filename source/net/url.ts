/** Resolves a possibly relative URL against `base`; keeps only http(s), drops the fragment-only and malformed. */
export function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
	const text = value?.trim();
	if (!text) return null;
	try {
		const url = new URL(text, base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}
