import {createWriteStream, mkdirSync, writeSync, type WriteStream} from 'node:fs';
import {dirname} from 'node:path';
import {format} from 'node:util';

const enter = '\u001B[?1049h\u001B[?25l';
const leave = '\u001B[?25h\u001B[?1049l';

export type FullScreen = {
	/** Back to the shell's screen with the cursor shown and output restored; safe to call more than once. */
	leave(): void;
	/** Ctrl-Z: the shell's screen back while the process is stopped, then the reader's again after `fg`. */
	suspend(): void;
};

/**
 * Takes the terminal for the reader: the alternate screen, no cursor, raw input (keys typed before
 * Ink listens are neither echoed over the first paint nor lost: they wait in the terminal's
 * buffer), and console and stderr output (library warnings, Node's own) sent to `logFile` instead
 * of over the screen. The shell's screen comes back on exit whatever the cause, a crash included
 * (Node emits 'exit' before it prints an uncaught error, so the report lands on the shell's screen).
 */
export function enterFullScreen(logFile: string): FullScreen {
	const {stdin, stdout} = process;
	mkdirSync(dirname(logFile), {recursive: true});
	const log = createWriteStream(logFile, {flags: 'a'});
	const restoreOutput = captureOutput(log);
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
		restoreOutput();
		log.end();
	};

	process.on('exit', restore);
	return {
		leave: restore,
		suspend() {
			if (!active) return;
			writeSync(1, leave);
			// Stops the whole job here, as the terminal's own Ctrl-Z would (raw mode turned that into a key): a
			// wrapper (npm start, a script) stops too, so the shell gets the terminal back. `fg` continues it.
			process.kill(0, 'SIGTSTP');
			writeSync(1, enter);
		},
	};
}

/** Sends console.* and stray stderr writes (library warnings) to the log while the reader owns the screen. */
function captureOutput(log: WriteStream): () => void {
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const saved = methods.map((method) => console[method]);
	const stderrWrite = process.stderr.write.bind(process.stderr);
	for (const method of methods) {
		console[method] = (...parts: unknown[]) => {
			log.write(`${new Date().toISOString()} ${method}: ${format(...parts)}\n`);
		};
	}

	process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		log.write(chunk);
		const callback = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
		callback?.();
		return true;
	}) as typeof process.stderr.write;
	return () => {
		methods.forEach((method, index) => {
			console[method] = saved[index]!;
		});
		process.stderr.write = stderrWrite;
	};
}
