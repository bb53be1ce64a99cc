import {useCallback, useEffect, useRef, useState} from 'react';
import type {Subscription} from '../../config/subscription.js';
import type {RefreshEvent, RefreshSummary} from '../../refresh/refresh.js';
import {nextRunAfter} from '../../refresh/schedule.js';
import type {Services} from '../services.js';
import {noProgress, progressAfter, type Progress} from '../../refresh/progress.js';

type Options = {
	readonly services: Services;
	readonly refreshOnStart: boolean;
	/** New stories arrived (called at most twice a second while refreshing). */
	readonly onNewItems: () => void;
	/** The refresh is over; `moved` names each feed that moved for good (its subscription now follows it). */
	readonly onFinished: (summary: RefreshSummary | Error, moved: readonly string[]) => void;
};

/**
 * The reader's background refresh: once after the first frame (when asked), then every
 * `refreshIntervalMinutes`, or on demand; one at a time. Progress is counted as events arrive and
 * drawn at most ten times a second: 500 feeds must not mean 500 frames.
 */
export function useBackgroundRefresh({services, refreshOnStart, onNewItems, onFinished}: Options) {
	const [progress, setProgress] = useState<Progress | undefined>();
	const refreshing = useRef(false);
	/** When the interval timer started (epoch ms). */
	const startedAt = useRef(0);
	// The latest callbacks, without restarting timers when the caller re-renders.
	const callbacks = useRef({onNewItems, onFinished});
	useEffect(() => {
		callbacks.current = {onNewItems, onFinished};
	});

	const runRefresh = useCallback(
		(targets: readonly Subscription[]) => {
			if (refreshing.current || targets.length === 0) return;
			refreshing.current = true;
			let lastReload = 0;
			let counts = noProgress;
			const moved: string[] = [];
			let drawTimer: NodeJS.Timeout | undefined;
			const draw = () => {
				drawTimer ??= setTimeout(() => {
					drawTimer = undefined;
					if (refreshing.current) setProgress(counts);
				}, 100);
			};

			const onEvent = (event: RefreshEvent) => {
				const before = counts;
				counts = progressAfter(counts, event);
				if (event.type === 'start') setProgress(counts);
				else if (counts !== before) draw();

				if (event.type === 'feed-moved') moved.push(event.to);

				if (event.type === 'feed-done' && event.newItems > 0 && Date.now() - lastReload > 500) {
					lastReload = Date.now();
					callbacks.current.onNewItems();
				}
			};

			services
				.refresh([...targets], onEvent)
				.then(
					(summary) => callbacks.current.onFinished(summary, moved),
					(error: unknown) => callbacks.current.onFinished(error instanceof Error ? error : new Error(String(error)), moved),
				)
				.finally(() => {
					refreshing.current = false;
					setProgress(undefined);
				});
		},
		[services],
	);

	useEffect(() => {
		const {settings} = services;
		// After the first frame is on screen: loading and starting the refresh would otherwise delay it (~200 ms).
		const startup = refreshOnStart ? setTimeout(() => runRefresh(settings.get('subscriptions')), 250) : undefined;
		const minutes = settings.get('refreshIntervalMinutes');
		startedAt.current = Date.now();
		const timer = minutes ? setInterval(() => runRefresh(settings.get('subscriptions')), minutes * 60_000) : undefined;
		timer?.unref?.();
		return () => {
			clearTimeout(startup);
			clearInterval(timer);
		};
	}, [services, refreshOnStart, runRefresh]);

	/** When the interval refresh runs next, if there is one. */
	const nextRefresh = useCallback(
		() => nextRunAfter(startedAt.current, services.settings.get('refreshIntervalMinutes'), Date.now()),
		[services],
	);

	return {progress, runRefresh, nextRefresh};
}
