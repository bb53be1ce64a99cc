/**
 * A prompt's line as a shell's line editor sees it: the text and the cursor, and what each key does
 * to them. Plain typing, arrows and Backspace move as ink-text-input moves them (which draws the
 * line); Ctrl-A/E, Ctrl-B/F, Ctrl-U, Ctrl-W, Ctrl-K, Alt-B/F and Home/End are the shell's additions.
 */

export type Line = {readonly value: string; readonly cursor: number};

/** The parts of Ink's key event the editor reads. */
export type EditKey = {
	readonly input: string;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly ignored?: boolean;
};

/** Where the previous word starts (white space separates words, as bash's Ctrl-W has it). */
function wordStartBefore(value: string, cursor: number): number {
	return value.slice(0, cursor).replace(/\S*\s*$/, '').length;
}

/** Where the next word ends. */
function wordEndAfter(value: string, cursor: number): number {
	const match = /^\s*\S*/.exec(value.slice(cursor))!;
	return cursor + match[0].length;
}

/** The line after `key`; the same object when the key changes nothing. */
export function editLine(line: Line, key: EditKey): Line {
	const {value, cursor} = line;
	const at = (next: number, text = value): Line => {
		const clamped = Math.max(0, Math.min(text.length, next));
		return clamped === cursor && text === value ? line : {value: text, cursor: clamped};
	};

	if (key.ignored) return line;
	if (key.home || (key.ctrl && key.input === 'a')) return at(0);
	if (key.end || (key.ctrl && key.input === 'e')) return at(value.length);
	if (key.leftArrow || (key.ctrl && key.input === 'b')) return at(key.meta ? wordStartBefore(value, cursor) : cursor - 1);
	if (key.rightArrow || (key.ctrl && key.input === 'f')) return at(key.meta ? wordEndAfter(value, cursor) : cursor + 1);
	if (key.backspace || key.delete) return cursor === 0 ? line : at(cursor - 1, value.slice(0, cursor - 1) + value.slice(cursor));
	if (key.ctrl) {
		if (key.input === 'u') return at(0, '');
		if (key.input === 'k') return at(cursor, value.slice(0, cursor));
		if (key.input === 'w') {
			const start = wordStartBefore(value, cursor);
			return at(start, value.slice(0, start) + value.slice(cursor));
		}

		return line;
	}

	if (key.meta) {
		if (key.input === 'b') return at(wordStartBefore(value, cursor));
		if (key.input === 'f') return at(wordEndAfter(value, cursor));
		return line;
	}

	// Typing (a paste arrives in one piece): inserted at the cursor, control characters dropped.
	const typed = key.input.replace(/\p{Cc}/gu, '');
	return typed ? at(cursor + typed.length, value.slice(0, cursor) + typed + value.slice(cursor)) : line;
}
