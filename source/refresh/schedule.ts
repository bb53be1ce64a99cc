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
