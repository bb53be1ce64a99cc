import {noProgress, progressAfter, progressText} from '../refresh/progress.js';
import type {RefreshEvent} from '../refresh/refresh.js';

/** A one-line "Refreshing 12/48 · 2 failed" on a terminal's stderr, rewritten in place and cleared at the end. */
export function progressLine(stream: NodeJS.WriteStream): (event: RefreshEvent) => void {
	if (!stream.isTTY) return () => undefined;
	let progress = noProgress;
	let lastDraw = 0;
	const draw = (force = false) => {
		const now = Date.now();
		if (!force && now - lastDraw < 50) return;
		lastDraw = now;
		stream.write(`\r\u001B[2K${progressText(progress)}`);
	};

	return (event) => {
		if (event.type === 'done') {
			stream.write('\r\u001B[2K');
			return;
		}

		const before = progress;
		progress = progressAfter(progress, event);
		if (progress !== before) draw(event.type === 'start');
	};
}
