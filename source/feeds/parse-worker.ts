/* Worker entry: decodes and parses feed bytes off the main thread, so a 5 MB feed never freezes the reader. */
import {parentPort} from 'node:worker_threads';
import {isBroadsheetError} from '../net/errors.js';
import {parseFeedBytes} from './parse.js';

export type ParseRequest = {readonly id: number; readonly body: Uint8Array; readonly contentType: string | undefined; readonly url: string};

parentPort?.on('message', (request: ParseRequest) => {
	parseFeedBytes(request.body, request.contentType, request.url).then(
		(feed) => parentPort!.postMessage({id: request.id, feed}),
		(error: unknown) =>
			parentPort!.postMessage({
				id: request.id,
				error: isBroadsheetError(error) ? {kind: error.kind, message: error.message} : {kind: 'parse', message: String(error)},
			}),
	);
});
