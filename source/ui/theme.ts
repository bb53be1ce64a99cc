import type {Role} from '../render/article-lines.js';

/** How one piece of text looks. Colours are Ink colour names or hex; `undefined` leaves the terminal's own. */
export type Look = {
	readonly color?: string;
	readonly bold?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly dim?: boolean;
	readonly inverse?: boolean;
};

/** Later looks win where they say something. */
export function mergeLooks(...looks: ReadonlyArray<Look | undefined | false>): Look {
	const merged: {-readonly [K in keyof Look]: Look[K]} = {};
	for (const look of looks)
		if (look) Object.assign(merged, Object.fromEntries(Object.entries(look).filter(([, value]) => value !== undefined)));
	return merged;
}

export type Theme = {
	readonly name: 'dark' | 'light' | 'mono';
	readonly roles: Readonly<Record<Role, Look>>;
	readonly quote: Look;
	readonly link: Look;
	readonly marker: Look;
	readonly focus: Look;
	readonly selection: Look;
	readonly unread: Look;
	readonly read: Look;
	readonly muted: Look;
	readonly error: Look;
	readonly accent: Look;
	readonly statusBar: Look;
};

const baseRoles: Record<Role, Look> = {
	title: {bold: true},
	meta: {dim: true},
	standfirst: {italic: true},
	caption: {dim: true},
	body: {},
	heading: {bold: true},
	blockquote: {},
	code: {},
	related: {},
	source: {dim: true},
	notice: {dim: true, italic: true},
	section: {bold: true},
};

const dark: Theme = {
	name: 'dark',
	roles: {...baseRoles, blockquote: {color: 'yellowBright'}, code: {color: 'cyan'}, related: {color: 'blueBright'}},
	quote: {color: 'yellowBright', italic: true},
	link: {color: 'cyanBright', underline: true},
	marker: {color: 'cyan', dim: true},
	focus: {inverse: true, bold: true},
	selection: {inverse: true},
	unread: {bold: true},
	read: {dim: true},
	muted: {dim: true},
	error: {color: 'redBright'},
	accent: {color: 'cyanBright', bold: true},
	statusBar: {inverse: true},
};

const light: Theme = {
	...dark,
	name: 'light',
	roles: {...baseRoles, blockquote: {color: '#8a5a00'}, code: {color: 'blue'}, related: {color: 'blue'}},
	quote: {color: '#a0522d', italic: true},
	link: {color: 'blue', underline: true},
	marker: {color: 'blue', dim: true},
	error: {color: 'red'},
	accent: {color: 'blue', bold: true},
};

/** NO_COLOR: no colour at all, but focus stays inverse and quotations underlined, so both are still visible. */
const mono: Theme = {
	name: 'mono',
	roles: baseRoles,
	quote: {underline: true, italic: true},
	link: {bold: true},
	marker: {dim: true},
	focus: {inverse: true, bold: true},
	selection: {inverse: true},
	unread: {bold: true},
	read: {dim: true},
	muted: {dim: true},
	error: {bold: true},
	accent: {bold: true},
	statusBar: {inverse: true},
};

export function chooseTheme(setting: 'auto' | 'dark' | 'light', options: {color: boolean; env?: NodeJS.ProcessEnv}): Theme {
	if (!options.color) return mono;
	if (setting !== 'auto') return setting === 'light' ? light : dark;
	// COLORFGBG ("15;0" = light text on dark) is the one hint most terminals give about their background.
	const background = Number((options.env ?? process.env)['COLORFGBG']?.split(';').at(-1));
	return Number.isFinite(background) && background >= 7 && background !== 8 ? light : dark;
}

/** Whether colour is wanted: NO_COLOR (any value) or --no-color turn it off. */
export function colorWanted(env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
	if (flag === false || env['TERM'] === 'dumb') return false;
	// FORCE_COLOR=0 is the other convention for "no colour" (chalk and Node's own tools honour it).
	if (env['FORCE_COLOR'] === '0' || env['FORCE_COLOR'] === 'false') return false;
	return env['NO_COLOR'] === undefined || env['NO_COLOR'] === '';
}
