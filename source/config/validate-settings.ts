import {nearest} from '../text/nearest.js';
import {keyActions} from './key-actions.js';
import {isRecord} from '../is-record.js';

/**
 * Checks config.json's content by hand: conf's JSON Schema validation compiles ajv on every start,
 * which cost ~60 ms before the reader's first frame. Returns the first problem, or undefined.
 */
export function settingsProblem(value: unknown): string | undefined {
	if (!isRecord(value)) return 'the file is not a JSON object';
	const checks: Record<string, (entry: unknown) => string | undefined> = {
		subscriptions: (entry) =>
			Array.isArray(entry) ? entry.map((item, index) => subscriptionProblem(item, index)).find(Boolean) : 'must be a list',
		refreshOnStart: (entry) => (typeof entry === 'boolean' ? undefined : 'must be true or false'),
		refreshIntervalMinutes: (entry) => (typeof entry === 'number' && entry >= 0 ? undefined : 'must be a number of minutes, 0 or more'),
		concurrency: (entry) => wholeNumber(entry, 1, 64),
		perHostConcurrency: (entry) => wholeNumber(entry, 1, 16),
		keepItemsPerFeed: (entry) => wholeNumber(entry, 10, Number.MAX_SAFE_INTEGER),
		theme: (entry) => (entry === 'auto' || entry === 'dark' || entry === 'light' ? undefined : 'must be "auto", "dark" or "light"'),
		keyBindings: (entry) =>
			isRecord(entry) && Object.values(entry).every((keys) => Array.isArray(keys) && keys.every((key) => typeof key === 'string'))
				? undefined
				: 'must map actions to lists of keys',
		userAgent: (entry) => (entry === null || typeof entry === 'string' ? undefined : 'must be a string or null'),
	};
	for (const [key, check] of Object.entries(checks)) {
		if (!(key in value)) continue;
		const problem = check(value[key]);
		if (problem) return `\`${key}\` ${problem}`;
	}

	return undefined;
}

function subscriptionProblem(value: unknown, index: number): string | undefined {
	if (!isRecord(value)) return `entry ${index + 1} must be an object`;
	if (typeof value['url'] !== 'string' || !/^https?:\/\//.test(value['url'])) return `entry ${index + 1} needs an http(s) "url"`;
	if ('title' in value && typeof value['title'] !== 'string') return `entry ${index + 1}: "title" must be a string`;
	if ('tags' in value && !(Array.isArray(value['tags']) && value['tags'].every((tag) => typeof tag === 'string')))
		return `entry ${index + 1}: "tags" must be a list of strings`;
	return undefined;
}

function wholeNumber(value: unknown, minimum: number, maximum: number): string | undefined {
	return Number.isInteger(value) && (value as number) >= minimum && (value as number) <= maximum
		? undefined
		: `must be a whole number from ${minimum}${maximum < Number.MAX_SAFE_INTEGER ? ` to ${maximum}` : ' up'}`;
}

/**
 * What in a valid config.json does nothing, each as one line naming the nearest valid name:
 * an unknown setting ("concurency") or key-binding action ("refreshAl") is ignored, never fatal.
 */
export function settingsMistakes(value: unknown, knownSettings: readonly string[]): string[] {
	if (!isRecord(value)) return [];
	const mistakes = Object.keys(value)
		.filter((key) => !knownSettings.includes(key))
		.map((key) => `unknown setting "${key}"${didYouMean(key, knownSettings)}: ignored`);
	const bindings = value['keyBindings'];
	if (isRecord(bindings)) {
		const actions: readonly string[] = keyActions;
		for (const action of Object.keys(bindings).filter((name) => !actions.includes(name))) {
			mistakes.push(`unknown key-binding action "${action}"${didYouMean(action, actions)}: ignored`);
		}
	}

	return mistakes;
}

function didYouMean(input: string, candidates: readonly string[]): string {
	const best = nearest(input, candidates);
	return best ? ` (did you mean "${best}"?)` : '';
}
