import {readFileSync, renameSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {asFileError, isFileSystemError} from '../net/errors.js';
import type Conf from 'conf';
import type {AppPaths} from './paths.js';
import type {Subscription} from './subscription.js';
import {withFileLock} from './file-lock.js';
import {settingsMistakes, settingsProblem} from './validate-settings.js';

export type Settings = {
	subscriptions: Subscription[];
	/** Whether the reader refreshes every feed in the background as it opens. */
	refreshOnStart: boolean;
	/** Minutes between background refreshes in the reader; 0: only on demand. */
	refreshIntervalMinutes: number;
	/** Feeds fetched at once, and at once from one host. */
	concurrency: number;
	perHostConcurrency: number;
	/** Past this many items a feed's read ones that have left the feed are dropped; starred, unread and current items always stay. */
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
	// Measured on 500 full-text feeds from one host: 2 → 7.9 s, 4 → 5.7 s, 6 → 5.7 s, 8 → 4.8 s. Four takes most
	// of the gain and stays under the six connections a browser opens to one server.
	perHostConcurrency: 4,
	keepItemsPerFeed: 1000,
	theme: 'auto',
	keyBindings: {},
	userAgent: null,
};

export type SettingsStore = {
	readonly path: string;
	get<K extends keyof Settings>(key: K): Settings[K];
	/**
	 * Changes one setting from its value in the file as it is now, under a lock every Broadsheet process
	 * takes: two processes changing the same list (two `add`s, `import` and the reader) both keep their change.
	 */
	update<K extends keyof Settings>(key: K, change: (current: Settings[K]) => Settings[K]): Settings[K];
	/** What happened on load that the user must hear about (a corrupt file moved aside). */
	readonly notices: readonly string[];
};

/**
 * Settings in config.json through conf (`accessPropertiesByDotNotation` off: feed URLs have dots).
 * A file that does not parse or validate is never wiped:
 * it is moved to config.json.corrupt-<timestamp> and Broadsheet starts from defaults, saying so.
 * A first run subscribes to nothing: the reader's empty screen offers the starter feeds.
 */
export function openSettings(paths: AppPaths): SettingsStore {
	const notices: string[] = [];
	const file = paths.configFile;
	const existing = fileStatus(file);
	const lockFile = join(paths.configDirectory, '.config.lock');

	// Checked before conf ever opens the file: conf writes missing defaults back at once, over the evidence.
	// conf writes by rename, so a read never sees half a file: only moving one aside needs the lock.
	const checked = existing ? readChecked(file) : undefined;
	const problem = checked?.problem ? withFileLock(lockFile, () => moveAsideIfBroken(file)) : undefined;
	if (problem) notices.push(problem);
	else for (const mistake of settingsMistakes(checked?.value, Object.keys(defaultSettings))) notices.push(`${file}: ${mistake}`);

	// conf (with ajv and semver) costs ~60 ms to load: it is loaded for the first write only.
	// Reads parse the file directly, again whenever it changed (another process may have written it).
	let conf: Conf<Settings> | undefined;
	let ConfClass: typeof Conf | undefined;
	const writer = () =>
		(conf ??= new (ConfClass ??= loadConf())<Settings>({
			cwd: paths.configDirectory,
			configName: 'config',
			projectSuffix: '',
			accessPropertiesByDotNotation: false,
			clearInvalidConfig: false,
			defaults: defaultSettings,
			// A file moved aside is replaced by one with the mode the user had given it.
			...(existing ? {configFileMode: existing.mode} : {}),
		}));
	let cached: {mtime: number; size: number; settings: Settings} | undefined;
	const read = (): Settings => {
		const status = fileStatus(file);
		const mtime = status?.mtime ?? -1;
		const size = status?.size ?? -1;
		if (cached?.mtime !== mtime || cached.size !== size) {
			try {
				const stored = status ? (JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Partial<Settings>) : {};
				cached = {mtime, size, settings: {...defaultSettings, ...stored}};
			} catch (error) {
				if (isFileSystemError(error)) throw asFileError(file, error);
				// Caught mid-write by another process, or broken since: keep what was read last.
				cached ??= {mtime, size, settings: defaultSettings};
			}
		}

		return cached.settings;
	};

	const update = <K extends keyof Settings>(key: K, change: (current: Settings[K]) => Settings[K]): Settings[K] => {
		// Loading conf takes a while on a busy machine: done before taking the lock, so others wait less.
		ConfClass ??= loadConf();
		return withFileLock(lockFile, () => {
			cached = undefined;
			const next = change(structuredClone(read()[key]));
			try {
				writer().set(key, next as Exclude<Settings[K], undefined>);
			} catch (error) {
				throw asFileError(file, error);
			} finally {
				cached = undefined;
			}

			return next;
		});
	};

	if (!existing || problem) update('subscriptions', (subscriptions) => subscriptions);
	return {path: file, get: (key) => structuredClone(read()[key]), update, notices};
}

type FileStatus = {mode: number; mtime: number; size: number};

/** The config file's mode and change stamps, undefined when there is none; a directory or unreadable path is the user's to fix. */
function fileStatus(file: string): FileStatus | undefined {
	try {
		const status = statSync(file);
		if (status.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR', path: file});
		return {mode: status.mode & 0o777, mtime: status.mtimeMs, size: status.size};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw asFileError(file, error);
	}
}

/** Moves a file that cannot be used aside (never deletes it); returns what to tell the user, or undefined. */
function moveAsideIfBroken(file: string): string | undefined {
	const problem = readChecked(file)?.problem;
	if (!problem) return undefined;
	const backup = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
	try {
		renameSync(file, backup);
	} catch (error) {
		throw asFileError(file, error);
	}

	return `${file} could not be read (${problem}); moved it to ${backup} and started with defaults`;
}

/**
 * conf from node_modules (it is a dependency, not bundled), loaded synchronously on first use:
 * Node's require of an ES module keeps `set` synchronous, and only writes pay for loading it.
 */
function loadConf(): typeof Conf {
	return (createRequire(import.meta.url)('conf') as {default: typeof Conf}).default;
}

/** checkFile, where a file another process removed meanwhile has no problem and no content. */
function readChecked(file: string): Checked | undefined {
	try {
		return checkFile(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw asFileError(file, error);
	}
}

type Checked = {readonly problem?: string; readonly value?: unknown};

/** config.json parsed once: why it cannot be used as it is, or its content. A leading BOM is fine (conf strips it too). */
function checkFile(file: string): Checked {
	const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
	if (!text.trim()) return {problem: 'the file is empty'};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return {problem: `not valid JSON: ${(error as Error).message.split('\n')[0]!.slice(0, 120)}`};
	}

	const problem = settingsProblem(value);
	return problem ? {problem} : {value};
}
