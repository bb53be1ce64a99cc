/** A JSON object (not null, not an array): what parsed config and JSON Feed documents are checked with. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
