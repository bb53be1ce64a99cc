import {sanitizeTerminal} from '../text/sanitize.js';

/** Exit codes every command shares. */
export const exitCode = {ok: 0, failed: 1, usage: 2, partial: 3} as const;

/** Writes to stdout and resolves when flushed; a closed pipe (`| head -1`) ends the process quietly. */
export async function writeOut(text: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
	}).catch((error: unknown) => {
		if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(exitCode.ok);
		throw error;
	});
}

export function quietOnEpipe(): void {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(exitCode.ok);
		throw error;
	});
}

/** One line on stderr, safe for the terminal whatever the message quotes. */
export function printError(message: string): void {
	process.stderr.write(`broadsheet: ${sanitizeTerminal(message, {maxLength: 500})}\n`);
}

export class UsageError extends Error {
	override readonly name = 'UsageError';
}
