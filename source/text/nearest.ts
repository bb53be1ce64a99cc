/** The candidate nearest to `input` within a few edits (a typo, not a different word), or undefined. */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
	for (const candidate of candidates) {
		const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}

	return best;
}

/** Levenshtein distance, two rows at a time; inputs here are a few characters long. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let row = 1; row <= a.length; row++) {
		const current = [row];
		for (let column = 1; column <= b.length; column++) {
			current[column] = Math.min(
				previous[column]! + 1,
				current[column - 1]! + 1,
				previous[column - 1]! + (a[row - 1] === b[column - 1] ? 0 : 1),
			);
		}

		previous = current;
	}

	return previous[b.length]!;
}
