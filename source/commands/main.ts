import {asFileError, isBroadsheetError, isFileSystemError} from '../net/errors.js';
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
		} else if (isFileSystemError(error) && error.path) {
			// A file-system condition the user can fix (a full disk, a read-only file): one line naming the path.
			printError((asFileError(error.path, error) as Error).message);
			process.exitCode = exitCode.failed;
		} else {
			printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
			if (process.env['BROADSHEET_DEBUG']) console.error(error);
			process.exitCode = exitCode.failed;
		}
	}
}

/** node:sqlite and the rest of the platform need Node 22.13; say so instead of failing obscurely. */
function nodeIsSupported(): boolean {
	const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
	return major > 22 || (major === 22 && minor >= 13);
}
