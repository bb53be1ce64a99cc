import {Worker} from 'node:worker_threads';
import {BroadsheetError, type FailureKind} from '../net/errors.js';
import type {ParsedFeed} from './item.js';
import {parseFeedBytes} from './parse.js';
import type {ParseRequest} from './parse-worker.js';

/** Below this many bytes a lone feed parses faster here than starting a worker costs. */
const defaultOffThreadFrom = 256 * 1024;

type Reply = {id: number; feed?: ParsedFeed; error?: {kind: FailureKind; message: string}};

/**
 * Parses large feeds on one shared worker thread (started on first use, unref'd so it never keeps
 * the process alive) and small ones inline.
 */
export class FeedParsePool {
	private worker: Worker | undefined;
	private nextId = 1;
	private readonly pending = new Map<number, {resolve: (feed: ParsedFeed) => void; reject: (error: Error) => void}>();
	private readonly offThreadFrom: number;

	constructor(options: {offThreadFrom?: number | undefined} = {}) {
		this.offThreadFrom = options.offThreadFrom ?? defaultOffThreadFrom;
	}

	/** Decodes and parses `body`; off the thread, its buffer moves to the worker (the caller must not use it again). */
	readonly parse = async (body: Uint8Array, contentType: string | undefined, url: string): Promise<ParsedFeed> => {
		if (body.byteLength < this.offThreadFrom) return parseFeedBytes(body, contentType, url);
		const worker = this.ensureWorker();
		const id = this.nextId++;
		return new Promise<ParsedFeed>((resolve, reject) => {
			this.pending.set(id, {resolve, reject});
			if (this.pending.size === 1) worker.ref();
			// Moved, not copied, when the bytes are all of their buffer (a view into a shared one is copied).
			const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
			worker.postMessage({id, body, contentType, url} satisfies ParseRequest, owned ? [body.buffer] : []);
		});
	};

	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = undefined;
		await worker?.terminate();
	}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		// Source runs resolve ./parse-worker.js to the .ts file through tsx; the bundle ships dist/parse-worker.js beside cli.js.
		const worker = new Worker(new URL('./parse-worker.js', import.meta.url));
		worker.unref();
		worker.on('message', (reply: Reply) => {
			const waiter = this.pending.get(reply.id);
			if (!waiter) return;
			this.pending.delete(reply.id);
			if (this.pending.size === 0) worker.unref();
			if (reply.feed) waiter.resolve(reply.feed);
			else waiter.reject(new BroadsheetError(reply.error?.kind ?? 'parse', reply.error?.message ?? 'feed could not be parsed'));
		});
		worker.on('error', (error) => this.failAll(error));
		worker.on('exit', () => {
			if (this.worker === worker) this.worker = undefined;
			this.failAll(new Error('feed parser stopped'));
		});
		this.worker = worker;
		return worker;
	}

	private failAll(error: Error): void {
		for (const waiter of this.pending.values()) waiter.reject(new BroadsheetError('parse', `feed parser failed: ${error.message}`));
		this.pending.clear();
	}
}
