/** Small statistics and table printing for `npm run bench`. */

export function median(values: readonly number[]): number {
	return percentile(values, 50);
}

export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index]!;
}

export function printTable(title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
	const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
	const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
	console.log(`\n${title}\n`);
	console.log(line(header));
	console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
	for (const row of rows) console.log(line(row));
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
