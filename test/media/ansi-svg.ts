/**
 * Turns a terminal screen captured with its SGR attributes (tmux capture-pane -e) into an SVG:
 * what the reader really drew, for the README.
 */

type Cell = {char: string; fg: string; bg: string | undefined; bold: boolean; dim: boolean; italic: boolean; underline: boolean};

const palette = [
	'#1d1f21', '#cc6666', '#b5bd68', '#f0c674', '#81a2be', '#b294bb', '#8abeb7', '#c5c8c6',
	'#666666', '#ff6b6b', '#d7e38a', '#ffd866', '#8fc1ff', '#d6acff', '#8ff0e4', '#ffffff',
];
const foreground = '#d7d7d7';
const background = '#16181a';

function color256(index: number): string {
	if (index < 16) return palette[index]!;
	if (index >= 232) {
		const level = 8 + (index - 232) * 10;
		return `rgb(${level},${level},${level})`;
	}

	const cube = index - 16;
	const step = (value: number) => (value === 0 ? 0 : 55 + value * 40);
	return `rgb(${step(Math.floor(cube / 36))},${step(Math.floor(cube / 6) % 6)},${step(cube % 6)})`;
}

export function ansiToSvg(screen: string, options: {columns: number; rows: number; title?: string}): string {
	const cellWidth = 8.4;
	const lineHeight = 17;
	const grid: Cell[][] = [];
	const style = {fg: foreground, bg: undefined as string | undefined, bold: false, dim: false, italic: false, underline: false, inverse: false};
	const reset = () => Object.assign(style, {fg: foreground, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false});
	for (const line of screen.split('\n').slice(0, options.rows)) {
		const row: Cell[] = [];
		// eslint-disable-next-line no-control-regex
		for (const part of line.split(/(\u001B\[[\d;]*m)/)) {
			// eslint-disable-next-line no-control-regex
			const sgr = /^\u001B\[([\d;]*)m$/.exec(part);
			if (sgr) {
				const codes = sgr[1] ? sgr[1].split(';').map(Number) : [0];
				for (let index = 0; index < codes.length; index++) {
					const code = codes[index]!;
					if (code === 0) reset();
					else if (code === 1) style.bold = true;
					else if (code === 2) style.dim = true;
					else if (code === 3) style.italic = true;
					else if (code === 4) style.underline = true;
					else if (code === 7) style.inverse = true;
					else if (code === 22) style.bold = style.dim = false;
					else if (code === 23) style.italic = false;
					else if (code === 24) style.underline = false;
					else if (code === 27) style.inverse = false;
					else if (code >= 30 && code <= 37) style.fg = palette[code - 30]!;
					else if (code >= 90 && code <= 97) style.fg = palette[code - 90 + 8]!;
					else if (code === 39) style.fg = foreground;
					else if (code >= 40 && code <= 47) style.bg = palette[code - 40]!;
					else if (code >= 100 && code <= 107) style.bg = palette[code - 100 + 8]!;
					else if (code === 49) style.bg = undefined;
					else if ((code === 38 || code === 48) && codes[index + 1] === 5) {
						const value = color256(codes[index + 2]!);
						if (code === 38) style.fg = value;
						else style.bg = value;
						index += 2;
					} else if ((code === 38 || code === 48) && codes[index + 1] === 2) {
						const value = `rgb(${codes[index + 2]},${codes[index + 3]},${codes[index + 4]})`;
						if (code === 38) style.fg = value;
						else style.bg = value;
						index += 4;
					}
				}

				continue;
			}

			for (const char of part) {
				const fg = style.inverse ? (style.bg ?? background) : style.fg;
				const bg = style.inverse ? style.fg : style.bg;
				row.push({char, fg, bg, bold: style.bold, dim: style.dim, italic: style.italic, underline: style.underline});
			}
		}

		grid.push(row);
	}

	const width = Math.ceil(options.columns * cellWidth) + 24;
	const height = options.rows * lineHeight + 24 + (options.title ? 26 : 0);
	const top = options.title ? 38 : 12;
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="14">`,
		`<rect width="100%" height="100%" rx="8" fill="${background}"/>`,
	];
	if (options.title) parts.push(`<text x="12" y="22" fill="#888" font-size="12">${escape(options.title)}</text>`);
	grid.forEach((row, y) => {
		let x = 0;
		for (let start = 0; start < row.length; ) {
			const first = row[start]!;
			let end = start + 1;
			while (end < row.length && sameLook(row[end]!, first)) end++;
			const text = row
				.slice(start, end)
				.map((cell) => cell.char)
				.join('');
			const columns = end - start;
			const px = 12 + x * cellWidth;
			const py = top + y * lineHeight;
			if (first.bg) parts.push(`<rect x="${px.toFixed(1)}" y="${py - 13}" width="${(columns * cellWidth).toFixed(1)}" height="${lineHeight}" fill="${first.bg}"/>`);
			if (text.trim()) {
				const attributes = [
					`fill="${first.fg}"`,
					first.bold ? 'font-weight="bold"' : '',
					first.italic ? 'font-style="italic"' : '',
					first.underline ? 'text-decoration="underline"' : '',
					first.dim ? 'opacity="0.6"' : '',
				]
					.filter(Boolean)
					.join(' ');
				parts.push(`<text x="${px.toFixed(1)}" y="${py}" ${attributes} xml:space="preserve" textLength="${(columns * cellWidth).toFixed(1)}" lengthAdjust="spacingAndGlyphs">${escape(text)}</text>`);
			}

			x += columns;
			start = end;
		}
	});
	parts.push('</svg>');
	return parts.join('\n') + '\n';
}

function sameLook(a: Cell, b: Cell): boolean {
	return a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline;
}

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
