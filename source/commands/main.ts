import {asDatabaseError, asFileError, isBroadsheetError, isFileSystemError, type BroadsheetError} from '../net/errors.js';
import {exitCode, printError, quietOnEpipe, UsageError} from './output.js';

/**
 * Runs a command as the whole process: checks the Node version before anything needs it, turns
 * the result into the exit code and every failure into one line on stderr (2 for usage).
 */
export async function runMain(main: () => Promise<number>): Promise<void> {
	quietOnEpipe();
	try {
		if (!nodeIsSupported()) throw new UsageError(`Broadsheet needs Node.js 22.13 or newer; this is ${process.version}`);
		process.exitCode = await main();
	} catch (error) {
		if (error instanceof UsageError) {
			printError(error.message);
			process.exitCode = exitCode.usage;
		} else if (isBroadsheetError(error)) {
			printError(error.message);
			process.exitCode = exitCode.failed;
		} else if (userSide(error)) {
			printError(userSide(error)!.message);
			process.exitCode = exitCode.failed;
		} else {
			printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
			if (process.env['BROADSHEET_DEBUG']) console.error(error);
			process.exitCode = exitCode.failed;
		}
	}
}

/** A file-system or database condition the user can fix (a full disk, a read-only file), as one line naming the path. */
function userSide(error: unknown): BroadsheetError | undefined {
	const path = (error as NodeJS.ErrnoException | undefined)?.path;
	const described = isFileSystemError(error) ? asFileError(path ?? 'a file', error) : asDatabaseError('the database', error);
	return isBroadsheetError(described) ? described : undefined;
}

/** node:sqlite and the rest of the platform need Node 22.13; say so instead of failing obscurely. */
function nodeIsSupported(): boolean {
	const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
	return major > 22 || (major === 22 && minor >= 13);
}
