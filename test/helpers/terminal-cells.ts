/**
 * What a terminal shows for some text with SGR styles: one string per line, each character with
 * the attributes in force. Two outputs that differ only in how their escape codes are arranged
 * read the same here; a different character, colour or attribute anywhere does not.
 */
export function terminalCells(text: string): string[] {
	let attributes = fresh();
	const lines: string[] = [];
	for (const line of text.split('\n')) {
		const cells: string[] = [];
		for (const part of line.split(/(\u001B\[[\d;]*m)/)) {
			const sgr = /^\u001B\[([\d;]*)m$/.exec(part);
			if (sgr) {
				attributes = apply(attributes, sgr[1]!);
				continue;
			}

			for (const character of part) cells.push(`${character}{${describe(attributes)}}`);
		}

		// Trailing blank cells look like nothing at all (Ink leaves them out).
		while (cells.length > 0 && /^ \{(?:fg=default)?\}$/.test(cells.at(-1)!)) cells.pop();
		lines.push(cells.join(''));
	}

	return lines;
}

type Attributes = {bold: boolean; dim: boolean; italic: boolean; underline: boolean; inverse: boolean; fg: string};

function fresh(): Attributes {
	return {bold: false, dim: false, italic: false, underline: false, inverse: false, fg: 'default'};
}

function apply(current: Attributes, parameters: string): Attributes {
	const next = {...current};
	const codes = parameters === '' ? [0] : parameters.split(';').map(Number);
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 0) Object.assign(next, fresh());
		else if (code === 1) next.bold = true;
		else if (code === 2) next.dim = true;
		else if (code === 3) next.italic = true;
		else if (code === 4) next.underline = true;
		else if (code === 7) next.inverse = true;
		else if (code === 22) Object.assign(next, {bold: false, dim: false});
		else if (code === 23) next.italic = false;
		else if (code === 24) next.underline = false;
		else if (code === 27) next.inverse = false;
		else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) next.fg = String(code);
		else if (code === 39) next.fg = 'default';
		else if (code === 38) {
			const depth = codes[index + 1] === 5 ? 2 : 4;
			next.fg = codes.slice(index, index + 1 + depth).join(':');
			index += depth;
		} else throw new Error(`SGR ${code} is not understood here`);
	}

	return next;
}

function describe(attributes: Attributes): string {
	return Object.entries(attributes)
		.filter(([, value]) => value !== false)
		.map(([name, value]) => (value === true ? name : `${name}=${value}`))
		.join(',');
}
