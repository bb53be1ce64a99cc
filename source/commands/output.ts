import {sanitizeTerminal} from '../text/sanitize.js';

/** Exit codes every command shares. */
export const exitCode = {ok: 0, failed: 1, usage: 2, partial: 3} as const;

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
