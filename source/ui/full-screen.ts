import {writeSync} from 'node:fs';

const enter = '\u001B[?1049h\u001B[?25l';
const leave = '\u001B[?25h\u001B[?1049l';

export type FullScreen = {
	/** Back to the shell's screen with the cursor shown; safe to call more than once. */
	leave(): void;
};

/**
 * Takes the terminal for the reader: the alternate screen, no cursor, and raw input, so keys typed
 * before Ink is listening are neither echoed over the first paint nor lost (they wait in the
 * terminal's buffer). The shell's screen comes back on exit whatever the cause, a crash included.
 */
export function enterFullScreen(): FullScreen {
	const {stdin, stdout} = process;
	stdout.write(enter);
	stdin.setRawMode(true);
	let active = true;
	const restore = () => {
		if (!active) return;
		active = false;
		process.off('exit', restore);
		if (stdin.isTTY) stdin.setRawMode(false);
		// Synchronous: on 'exit' there is no later turn of the event loop to flush a stream write.
		writeSync(1, leave);
	};

	process.on('exit', restore);
	return {leave: restore};
}
