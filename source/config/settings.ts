import {existsSync, readFileSync, renameSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import type Conf from 'conf';
import type {AppPaths} from './paths.js';
import {defaultSubscriptions} from './default-feeds.js';
import {settingsProblem} from './validate-settings.js';

/** A feed the user follows. `title` overrides the feed's own; tags group feeds for export and the UI. */
export type Subscription = {url: string; title?: string; tags: string[]};

export type Settings = {
	subscriptions: Subscription[];
	/** Whether the reader refreshes every feed in the background as it opens. */
	refreshOnStart: boolean;
	/** Minutes between background refreshes in the reader; 0: only on demand. */
	refreshIntervalMinutes: number;
	/** Feeds fetched at once, and at once from one host. */
	concurrency: number;
	perHostConcurrency: number;
	/** Items kept per feed (starred items are always kept). */
	keepItemsPerFeed: number;
	theme: 'auto' | 'dark' | 'light';
	/** Action name → keys, overriding the defaults. */
	keyBindings: Record<string, string[]>;
	/** Sent instead of Broadsheet's own User-Agent when set. */
	userAgent: string | null;
};

export const defaultSettings: Settings = {
	subscriptions: [],
	refreshOnStart: true,
	refreshIntervalMinutes: 30,
	concurrency: 8,
	perHostConcurrency: 2,
	keepItemsPerFeed: 1000,
	theme: 'auto',
	keyBindings: {},
	userAgent: null,
};

export type SettingsStore = {
	readonly path: string;
	get<K extends keyof Settings>(key: K): Settings[K];
	set<K extends keyof Settings>(key: K, value: Settings[K]): void;
	/** What happened on load that the user must hear about (a corrupt file moved aside). */
	readonly notices: readonly string[];
};

/**
 * Settings in config.json through conf (`accessPropertiesByDotNotation` off: feed URLs have dots).
 * A file that does not parse or validate is never wiped:
 * it is moved to config.json.corrupt-<timestamp> and Broadsheet starts from defaults, saying so.
 * The first run subscribes to a short list of real news feeds.
 */
export function openSettings(paths: AppPaths): SettingsStore {
	const notices: string[] = [];
	const firstRun = !existsSync(paths.configFile);
	const mode = firstRun ? undefined : statSync(paths.configFile).mode & 0o777;

	// Checked before conf ever opens the file: conf writes missing defaults back at once, over the evidence.
	const problem = firstRun ? undefined : fileProblem(paths.configFile);
	if (problem) {
		const backup = `${paths.configFile}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		renameSync(paths.configFile, backup);
		notices.push(`${paths.configFile} could not be read (${problem}); moved it to ${backup} and started with defaults`);
	}

	// conf (with ajv and semver) costs ~60 ms to load: it is loaded for the first write only.
	// Reads parse the file directly, again whenever it changed (another process may have written it).
	let conf: Conf<Settings> | undefined;
	const writer = () =>
		(conf ??= new (loadConf())<Settings>({
			cwd: paths.configDirectory,
			configName: 'config',
			projectSuffix: '',
			accessPropertiesByDotNotation: false,
			clearInvalidConfig: false,
			defaults: defaultSettings,
			// A file moved aside is replaced by one with the mode the user had given it.
			...(mode === undefined ? {} : {configFileMode: mode}),
		}));
	let cached: {mtime: number; settings: Settings} | undefined;
	const read = (): Settings => {
		const mtime = existsSync(paths.configFile) ? statSync(paths.configFile).mtimeMs : -1;
		if (cached?.mtime !== mtime) {
			try {
				const stored = mtime === -1 ? {} : (JSON.parse(readFileSync(paths.configFile, 'utf8').replace(/^\uFEFF/, '')) as Partial<Settings>);
				cached = {mtime, settings: {...defaultSettings, ...stored}};
			} catch {
				// Caught mid-write by another process, or broken since: keep what was read last.
				cached ??= {mtime, settings: defaultSettings};
			}
		}

		return cached.settings;
	};

	if (firstRun || problem) writer();
	if (firstRun) writer().set('subscriptions', defaultSubscriptions);
	return {
		path: paths.configFile,
		get: (key) => structuredClone(read()[key]),
		set(key, value) {
			writer().set(key, value as Exclude<Settings[typeof key], undefined>);
			cached = undefined;
		},
		notices,
	};
}

/**
 * conf from node_modules (it is a dependency, not bundled), loaded synchronously on first use:
 * Node's require of an ES module keeps `set` synchronous, and only writes pay for loading it.
 */
function loadConf(): typeof Conf {
	return (createRequire(import.meta.url)('conf') as {default: typeof Conf}).default;
}

/** Why config.json cannot be used as it is, or undefined. A leading BOM is fine (conf strips it too). */
function fileProblem(file: string): string | undefined {
	const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
	if (!text.trim()) return 'the file is empty';
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return `not valid JSON: ${(error as Error).message.split('\n')[0]!.slice(0, 120)}`;
	}

	return settingsProblem(value);
}
