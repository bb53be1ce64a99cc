/**
 * Runs tasks with a global limit and a per-key limit (feeds per host), in the order given
 * as far as the limits allow.
 */
export async function runLimited<T>(
	tasks: readonly T[],
	options: {limit: number; perKeyLimit: number; key: (task: T) => string},
	work: (task: T) => Promise<void>,
): Promise<void> {
	const waiting = [...tasks];
	const active = new Map<string, number>();
	let running = 0;
	await new Promise<void>((resolve) => {
		const pump = () => {
			if (waiting.length === 0 && running === 0) {
				resolve();
				return;
			}

			for (let index = 0; index < waiting.length && running < options.limit;) {
				const task = waiting[index]!;
				const key = options.key(task);
				if ((active.get(key) ?? 0) >= options.perKeyLimit) {
					index++;
					continue;
				}

				waiting.splice(index, 1);
				running++;
				active.set(key, (active.get(key) ?? 0) + 1);
				void work(task)
					.catch(() => undefined)
					.finally(() => {
						running--;
						active.set(key, active.get(key)! - 1);
						pump();
					});
			}
		};

		pump();
	});
}

/** When a refresh every `minutes` (none when 0 or unset), started at `start`, runs next after `now` (epoch ms). */
export function nextRunAfter(start: number, minutes: number | null | undefined, now: number): Date | undefined {
	if (!minutes || minutes <= 0) return undefined;
	const period = minutes * 60_000;
	return new Date(start + Math.max(1, Math.ceil((now - start) / period)) * period);
}
