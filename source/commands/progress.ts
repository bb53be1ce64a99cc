import type {RefreshEvent} from '../refresh/refresh.js';

/** A one-line "Refreshing 12/48 · 2 failed" on a terminal's stderr, rewritten in place and cleared at the end. */
export function progressLine(stream: NodeJS.WriteStream): (event: RefreshEvent) => void {
	if (!stream.isTTY) return () => undefined;
	let total = 0;
	let finished = 0;
	let failed = 0;
	let lastDraw = 0;
	const draw = (force = false) => {
		const now = Date.now();
		if (!force && now - lastDraw < 50) return;
		lastDraw = now;
		stream.write(`\r\u001B[2KRefreshing ${finished}/${total}${failed > 0 ? ` · ${failed} failed` : ''}`);
	};

	return (event) => {
		switch (event.type) {
			case 'start': {
				total = event.total;
				draw(true);
				break;
			}

			case 'feed-done':
			case 'feed-not-modified':
			case 'feed-deferred': {
				finished++;
				draw();
				break;
			}

			case 'feed-failed': {
				finished++;
				failed++;
				draw();
				break;
			}

			case 'done': {
				stream.write('\r\u001B[2K');
				break;
			}

			default:
		}
	};
}
