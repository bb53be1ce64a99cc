import type {RefreshEvent} from './refresh.js';

/** How far a refresh has come: feeds in all, feeds done (however they ended), feeds failed. */
export type Progress = {readonly total: number; readonly done: number; readonly failed: number};

export const noProgress: Progress = {total: 0, done: 0, failed: 0};

/** The progress after one refresh event; the same object when the event changes nothing. */
export function progressAfter(progress: Progress, event: RefreshEvent): Progress {
	switch (event.type) {
		case 'start': {
			return {...progress, total: event.total};
		}

		case 'feed-done':
		case 'feed-not-modified':
		case 'feed-deferred': {
			return {...progress, done: progress.done + 1};
		}

		case 'feed-failed': {
			return {...progress, done: progress.done + 1, failed: progress.failed + 1};
		}

		default: {
			return progress;
		}
	}
}

/** "Refreshing 12/48 · 2 failed": what the reader's status line and the CLI's progress line say. */
export function progressText(progress: Progress): string {
	return `Refreshing ${progress.done}/${progress.total}${progress.failed > 0 ? ` · ${progress.failed} failed` : ''}`;
}
