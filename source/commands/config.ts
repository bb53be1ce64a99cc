import {keyActions} from '../config/key-actions.js';
import {defaultSettings, type Settings} from '../config/settings.js';
import {nearest} from '../text/nearest.js';
import {settingsProblem} from '../config/validate-settings.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import type {Library} from './library.js';
import {exitCode, UsageError} from './output.js';
import {writeOut} from './output-stream.js';

/** Settings `config` reads and writes; subscriptions have add, remove, edit and import of their own. */
const names = Object.keys(defaultSettings).filter((name) => name !== 'subscriptions') as Array<Exclude<keyof Settings, 'subscriptions'>>;

/**
 * `broadsheet config [name [value]]`: every setting, one, or a change to one. Values are JSON where they
 * parse as JSON (`8`, `true`, `["q","x"]`), else text. `keyBindings.<action>` changes one action's keys,
 * leaving the rest of the map (and any other process's change to it) alone.
 */
export async function configCommand(library: Library, name: string | undefined, value: string | undefined): Promise<number> {
	if (name === undefined) {
		const all = Object.fromEntries(names.map((entry) => [entry, library.settings.get(entry)]));
		await writeOut(sanitizeTerminal(JSON.stringify(all, null, 2), {keepNewlines: true}) + '\n');
		return exitCode.ok;
	}

	const [setting, member, ...rest] = name.split('.');
	if (!names.includes(setting as (typeof names)[number]) || rest.length > 0 || (member !== undefined && setting !== 'keyBindings'))
		throw new UsageError(`unknown setting "${name}": use one of ${names.join(', ')} (or keyBindings.<action>)`);
	const key = setting as (typeof names)[number];
	if (value === undefined) {
		const current = library.settings.get(key);
		const shown = member === undefined ? current : ((current as Record<string, unknown>)[member] ?? null);
		await writeOut(sanitizeTerminal(JSON.stringify(shown, null, 2), {keepNewlines: true}) + '\n');
		return exitCode.ok;
	}

	const parsed = parseValue(value);
	if (member === undefined) {
		check({[key]: parsed});
		library.settings.update(key, () => parsed as never);
	} else {
		const actions: readonly string[] = keyActions;
		if (!actions.includes(member)) {
			const best = nearest(member, actions);
			throw new UsageError(`unknown key-binding action "${member}"${best ? `: did you mean "${best}"?` : ''}`);
		}

		const keys = typeof parsed === 'string' ? [parsed] : parsed;
		check({keyBindings: {[member]: keys}});
		library.settings.update('keyBindings', (bindings) => ({...bindings, [member]: keys as string[]}));
	}

	return exitCode.ok;
}

function parseValue(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

function check(settings: Record<string, unknown>): void {
	const problem = settingsProblem(settings);
	if (problem) throw new UsageError(problem);
}
