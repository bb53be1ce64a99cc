import type {Action} from '../keymap.js';

/** The keys that move a cursor: through the feeds, the headlines, and the lines of an article alike. */
export type Movement = Extract<Action, 'down' | 'up' | 'pageDown' | 'pageUp' | 'top' | 'bottom'>;

const movements = new Set<Action>(['down', 'up', 'pageDown', 'pageUp', 'top', 'bottom']);

export function isMovement(action: Action): action is Movement {
	return movements.has(action);
}

/** Where `movement` takes a cursor at `current` among `count` positions, `page` at a time; always in range (0 when empty). */
export function moved(movement: Movement, current: number, count: number, page: number): number {
	const target =
		movement === 'down'
			? current + 1
			: movement === 'up'
				? current - 1
				: movement === 'pageDown'
					? current + page
					: movement === 'pageUp'
						? current - page
						: movement === 'top'
							? 0
							: count - 1;
	return Math.max(0, Math.min(count - 1, target));
}

/** The first visible row of a list of `count` rows, `height` tall, scrolled only as far as keeps `selected` on screen. */
export function keptInView(top: number, selected: number, height: number, count: number): number {
	let next = top;
	if (selected < next) next = selected;
	if (selected >= next + height) next = selected - height + 1;
	return Math.max(0, Math.min(next, Math.max(0, count - height)));
}
