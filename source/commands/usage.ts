import {articleFormats, exportFormats} from '../render/formats.js';
import {nearest} from '../text/nearest.js';

/**
 * What the CLI answers before any command runs: `<command> --help`, `help <command>`, `-v`, and
 * unknown commands and flags with the nearest valid one. meow honours `--help` only as the sole
 * argument, so `remove "BBC World" --help` used to remove the feed: help is decided here, first.
 */

/** What a flag takes, for the parser here and for shell completion: nothing (a switch) or a kind of value. */
export type FlagValue = 'switch' | 'text' | 'format' | 'feed' | 'file' | 'directory';

/** Every flag meow knows (`--color` also as `--no-color`), with its short form. */
export const flagSpecs: Readonly<Record<string, {readonly value: FlagValue; readonly short?: string}>> = {
	'--format': {value: 'format', short: '-f'},
	'--width': {value: 'text', short: '-w'},
	'--feed': {value: 'feed'},
	'--tag': {value: 'text'},
	'--title': {value: 'text'},
	'--json': {value: 'switch'},
	'--unread': {value: 'switch'},
	'--starred': {value: 'switch'},
	'--since': {value: 'text'},
	'--limit': {value: 'text'},
	'--full': {value: 'switch'},
	'--dedupe': {value: 'switch'},
	'--mark-read': {value: 'switch'},
	'--output': {value: 'file', short: '-o'},
	'--user': {value: 'text'},
	'--password-stdin': {value: 'switch'},
	'--insecure': {value: 'switch'},
	'--app-id': {value: 'text'},
	'--app-key': {value: 'text'},
	'--home': {value: 'directory'},
	'--color': {value: 'switch'},
	'--no-color': {value: 'switch'},
	'--help': {value: 'switch', short: '-h'},
	'--version': {value: 'switch', short: '-v'},
};

/** The flags every command takes. */
export const commonFlags = ['--home', '--help'] as const;

/** What a command's operand is, for completion. */
export type Operand = 'url-or-file' | 'feed' | 'file' | 'command' | 'setting' | 'shell';

type CommandUsage = {
	readonly usage: string;
	readonly summary: string;
	readonly options?: readonly string[];
	/** Its own flags (commonFlags apply too). */
	readonly flags?: readonly string[];
	readonly formats?: readonly string[];
	readonly operand?: Operand;
};

export const commandUsages: Readonly<Record<string, CommandUsage>> = {
	read: {
		usage: 'read <url|file>',
		summary: 'Print the readable article from a web page or a saved .html file',
		options: [
			'--format, -f   text (default), markdown, json, html',
			'--width, -w    wrap to N columns (0: never; default: the terminal, up to 100)',
		],
		flags: ['--format', '--width'],
		formats: articleFormats,
		operand: 'url-or-file',
	},
	add: {
		usage: 'add <url> [--title T] [--tag T]...',
		summary: 'Subscribe to a feed, or to the feeds a site’s page links to',
		options: ['--title        your own title for the feed', '--tag          tag the feed (repeatable)'],
		flags: ['--title', '--tag'],
	},
	remove: {usage: 'remove <url|title>', summary: 'Unsubscribe (its items go too)', operand: 'feed'},
	edit: {
		usage: 'edit <url|title> [--title T] [--tag T]...',
		summary: 'Set a feed’s own title, or replace its tags',
		options: ['--title        your own title ("" removes it)', '--tag          the feed’s tags, replacing the old ones (repeatable)'],
		flags: ['--title', '--tag'],
		operand: 'feed',
	},
	feeds: {
		usage: 'feeds [--json]',
		summary: 'List subscriptions: unread, total, last update, last error',
		options: ['--json         machine-readable output'],
		flags: ['--json'],
	},
	refresh: {
		usage: 'refresh [--feed <url|title>]... [--json]',
		summary: 'Fetch new items (conditional GETs, 8 at a time)',
		options: ['--feed         only this feed (repeatable)', '--json         the summary as JSON on stdout'],
		flags: ['--feed', '--json'],
	},
	unread: {
		usage: 'unread [--feed <url|title>]...',
		summary: 'Print the number of unread items',
		options: ['--feed         only this feed (repeatable)'],
		flags: ['--feed'],
	},
	export: {
		usage:
			'export [--format F] [--feed X]... [--tag T] [--unread] [--starred] [--since 24h|DATE] [--limit N] [--full] [--dedupe] [--mark-read] [--output FILE]',
		summary: 'Print headlines or articles (json, ndjson, markdown, html, csv) or subscriptions (opml)',
		options: [
			'--format, -f   json (default), ndjson, markdown, html, csv, opml',
			'--feed         only this feed (repeatable); --tag: only feeds with this tag',
			'--unread, --starred, --since 24h|7d|DATE, --limit N',
			'--full         include each article, extracted from its page',
			'--dedupe       one record per story several feeds carry, with the others listed (alsoIn)',
			'--mark-read    mark what was exported as read',
			'--output, -o   write to a file (atomically) instead of stdout',
		],
		flags: ['--format', '--feed', '--tag', '--unread', '--starred', '--since', '--limit', '--full', '--dedupe', '--mark-read', '--output'],
		formats: exportFormats,
	},
	sync: {
		usage: 'sync [login <api-url> --user NAME [--password-stdin] [--app-id ID --app-key KEY] | status [--json] | logout]',
		summary: 'Sync subscriptions, items, read and starred with a reading service (FreshRSS, Miniflux, Inoreader: Google Reader API)',
		options: [
			'login <url>    log in (FreshRSS: https://host/api/greader.php; Miniflux: https://host); the password is asked, never stored',
			'--user         the service’s user name (login)',
			'--password-stdin  read the password from stdin instead of asking (login)',
			'--insecure     allow a plain http service that is not on this machine (login)',
			'--app-id, --app-key  a registered app’s credentials, for services that want them (Inoreader) (login)',
			'status         service, user, last sync, changes queued, last error (--json: as JSON)',
			'logout         forget the login (the synced items stay)',
			'--json         sync: the summary as JSON on stdout',
		],
		flags: ['--user', '--password-stdin', '--insecure', '--app-id', '--app-key', '--json'],
	},
	import: {usage: 'import <file.opml>', summary: 'Subscribe to the feeds in an OPML file', operand: 'file'},
	config: {
		usage: 'config [name [value]]',
		summary: 'Print the settings, one setting, or change one (keyBindings.<action> for one key)',
		operand: 'setting',
	},
	completion: {
		usage: 'completion bash|zsh|fish',
		summary: 'Print a shell completion script (commands, flags, formats, your feeds’ titles)',
		options: ['feeds          instead of a shell: your feeds’ titles, one per line (what the scripts ask)'],
		operand: 'shell',
	},
	help: {usage: 'help [command]', summary: 'Print the usage of Broadsheet, or of one command', operand: 'command'},
};

/** Every flag as typed, long and short. */
const knownFlags = Object.entries(flagSpecs).flatMap(([name, spec]) => (spec.short ? [name, spec.short] : [name]));

/** Flags that take a value: what follows them is that value, not a flag, whatever it looks like. */
const valueFlags = new Set(
	Object.entries(flagSpecs)
		.filter(([, spec]) => spec.value !== 'switch')
		.flatMap(([name, spec]) => (spec.short ? [name, spec.short] : [name])),
);

/** What to print and the exit code; 'help' and 'version' are Broadsheet's own, which meow prints. */
export type Answer = 'help' | 'version' | {readonly code: number; readonly stdout?: string; readonly stderr?: string};

/** The answer for `argv` (without node and the script) that needs no command run, or undefined to go on. */
export function answerBeforeRunning(argv: readonly string[]): Answer | undefined {
	const end = argv.indexOf('--');
	const args = end === -1 ? argv : argv.slice(0, end);
	const first = args[0];
	if (first === '-v' || first === '--version') return 'version';
	if (first === '--help' || first === '-h') return 'help';

	const positionals: string[] = [];
	for (let index = 0; index < args.length; index++) {
		const arg = args[index]!;
		if (!arg.startsWith('-') || arg === '-') {
			positionals.push(arg);
			continue;
		}

		const flag = arg.split('=')[0]!;
		if (!knownFlags.includes(flag)) return usageError(`unknown flag ${flag}${suggestion(flag, knownFlags)} (see broadsheet --help)`);
		if (valueFlags.has(flag) && !arg.includes('=')) index++;
	}

	const asksHelp = positionals[0] === 'help' || args.includes('--help') || args.includes('-h');
	const command = positionals[0] === 'help' ? positionals[1] : positionals[0];
	if (command === undefined) return asksHelp ? 'help' : undefined;
	if (!(command in commandUsages)) {
		return usageError(`unknown command "${command}"${suggestion(command, Object.keys(commandUsages))} (see broadsheet --help)`);
	}

	if (asksHelp) return {code: 0, stdout: commandHelp(command)};
	return undefined;
}

export function commandHelp(command: string): string {
	const {usage, summary, options = []} = commandUsages[command]!;
	const lines = [`\n  ${summary}\n`, `  Usage`, `    $ broadsheet ${usage}\n`];
	if (options.length > 0) lines.push('  Options', ...options.map((option) => `    ${option}`), '');
	lines.push('  --home <dir> keeps config and data in one directory (or BROADSHEET_HOME); broadsheet --help lists every command.\n');
	return lines.join('\n');
}

function usageError(message: string): Answer {
	return {code: 2, stderr: `broadsheet: ${message}\n`};
}

/** `: did you mean "x"?` for the nearest candidate, else nothing. */
function suggestion(input: string, candidates: readonly string[]): string {
	const best = nearest(input, candidates);
	return best ? `: did you mean ${best.startsWith('-') ? best : `"${best}"`}?` : '';
}
