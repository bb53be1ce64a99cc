import type {Key} from 'ink';

/** One keypress: what Ink's useInput hands a handler. */
export type Keypress = {readonly input: string; readonly key: Key};

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/**
 * Ink hands over a read of plain characters as one input ("\tjj"), splitting only escape sequences
 * and Backspace: keys typed while the reader starts (they wait in the terminal, then arrive
 * together), a fast typist over SSH, or tmux's send-keys come as one. Outside a text prompt each
 * character is a key of its own, named as the terminal would have sent it alone.
 */
export function splitKeys(input: string, key: Key): Keypress[] {
	const characters = [...input];
	if (characters.length <= 1 || key.ctrl || key.meta) return [{input, key}];
	return characters.map((character) => {
		const code = character.codePointAt(0)!;
		if (character === '\r' || character === '\n') return {input: '', key: {...noKey, return: true}};
		if (character === '\t') return {input: '', key: {...noKey, tab: true}};
		// Other C0 controls are Ctrl with a letter (Ctrl-Z is 0x1A), as Ink names them.
		if (code < 0x20) return {input: String.fromCodePoint(code + 0x60), key: {...noKey, ctrl: true}};
		return {input: character, key: {...noKey, shift: character !== character.toLowerCase()}};
	});
}
