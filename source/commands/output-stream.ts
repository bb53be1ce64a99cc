import {createWriteStream} from 'node:fs';
import {rename, unlink} from 'node:fs/promises';
import {once} from 'node:events';
import {dirname, resolve} from 'node:path';
import type {Writable} from 'node:stream';
import {asFileError, BroadsheetError} from '../net/errors.js';
import {exitCode} from './output.js';

/**
 * Writes a stream of chunks to stdout, or to a file through a temporary file renamed at the end
 * (a reader never sees half an export), waiting whenever the destination is full.
 */
export async function writeChunks(chunks: Iterable<string>, output: string | undefined): Promise<void> {
	if (!output) {
		await pump(chunks, process.stdout).catch((error: NodeJS.ErrnoException) => {
			if (error.code === 'EPIPE') process.exit(exitCode.ok);
			throw error;
		});
		return;
	}

	const temporary = `${output}.${process.pid}.tmp`;
	const file = createWriteStream(temporary);
	try {
		await pump(chunks, file);
		file.end();
		await once(file, 'finish');
		await rename(temporary, output);
	} catch (error) {
		file.destroy();
		await unlink(temporary).catch(() => undefined);
		throw outputError(output, error);
	}
}

/** Why --output could not be written, naming the file the user gave (not our temporary one). */
function outputError(output: string, error: unknown): unknown {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT' || code === 'ENOTDIR') {
		return new BroadsheetError('file', `${output}: cannot be written, the folder ${dirname(resolve(output))} does not exist`, {
			cause: error,
		});
	}

	if (code === 'EISDIR') return new BroadsheetError('file', `${output}: is a folder; give a file name`, {cause: error});
	return asFileError(output, error);
}

/** Writes to stdout and resolves when flushed; a closed pipe (`| head -1`) ends the process quietly. */
export async function writeOut(text: string): Promise<void> {
	await writeChunks([text], undefined);
}

async function pump(chunks: Iterable<string>, destination: Writable): Promise<void> {
	let failure: Error | undefined;
	const onError = (error: Error) => (failure = error);
	destination.on('error', onError);
	try {
		let batch = '';
		for (const chunk of chunks) {
			if (failure) throw failure;
			batch += chunk;
			// Fewer, larger writes: one syscall per ~64 KiB rather than per item.
			if (batch.length < 65_536) continue;
			// once() rejects if 'error' comes first, and removes its listeners either way (racing a second
			// once(…, 'error') left one listener behind per wait: a MaxListeners warning on big exports).
			if (!destination.write(batch)) await once(destination, 'drain');
			batch = '';
		}

		if (batch) destination.write(batch);
		if (destination === process.stdout) await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
		if (failure) throw failure;
	} finally {
		destination.off('error', onError);
	}
}
