/** "1 feed", "2 feeds", "1 story", "3 stories": a count with its noun. */
export function plural(count: number, noun: string): string {
	if (count === 1) return `${count} ${noun}`;
	return `${count} ${noun.endsWith('y') && !/[aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}
