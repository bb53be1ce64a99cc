#!/usr/bin/env node
import meow from 'meow';
import {runMain} from './source/commands/main.js';
import {asDatabaseError} from './source/net/errors.js';
import {exitCode, UsageError} from './source/commands/output.js';
import {answerBeforeRunning} from './source/commands/usage.js';
import {startReader} from './source/ui/start.js';
import {version} from './source/version.js';

const help = `
	Usage
	  $ broadsheet                    the reader (headlines, articles; ? lists the keys)
	  $ broadsheet <command> [options]

	Commands
	  read <url|file>           Print the readable article from a web page or a saved .html file
	  add <url>                 Subscribe to a feed, or to the feeds a site's page links to
	  remove <url|title>        Unsubscribe (its items go too)
	  edit <url|title>          Set a feed's --title, or replace its tags with --tag
	  feeds                     List subscriptions: unread, total, last update, last error
	  refresh                   Fetch new items (conditional GETs, 8 at a time)
	  unread                    Print the number of unread items
	  export                    Print headlines or articles (json, ndjson, markdown, html, csv, opml)
	  import <file.opml>        Subscribe to the feeds in an OPML file
	  sync                      Sync with FreshRSS, Miniflux, Inoreader: sync login <url> --user N, sync status, sync logout
	  config [name [value]]     Print the settings, one setting, or change one (keyBindings.<action> for one key)
	  completion bash|zsh|fish  Print a shell completion script (see the README)
	  help [command]            This help, or one command's

	Options
	  --format, -f              read: text (default), markdown, json, html
	                            export: json (default), ndjson, markdown, html, csv, opml
	  --width, -w               read: wrap text to N columns (0: never; default: terminal width up to 100)
	  --feed <url|title>        refresh, export, unread: only this feed (repeatable)
	  --tag <tag>               add, edit: tag the feed (repeatable); export: only feeds with this tag
	  --title <title>           add, edit: your own title for the feed
	  --json                    feeds, refresh: machine-readable output
	  --unread, --starred       export: only unread / starred items
	  --since <24h|7d|date>     export: only items since then
	  --limit <n>               export: at most n items (newest first)
	  --full                    export: include each article, extracted from its page
	  --dedupe                  export: one record per story carried by several feeds, naming the others
	  --mark-read               export: mark what was exported as read
	  --output, -o <file>       export: write to a file (atomically) instead of stdout
	  --user <name>             sync login: the service's user (--password-stdin reads the password from stdin)
	  --home <dir>              Keep config and data in this directory (or set BROADSHEET_HOME)
	  --no-color                The reader without colours (so does NO_COLOR)
	  --help, -h                This help; broadsheet <command> --help (or help <command>): that command's
	  --version, -v

	Exit codes
	  0 ok · 1 failed · 2 usage error · 3 some feeds failed, the rest were done

	Examples
	  $ broadsheet read https://www.aljazeera.com/news/2017/08/tillerson-lavrov-russian-meddling-led-mistrust-170807054302155.html
	  $ broadsheet add theguardian.com --tag world
	  $ broadsheet refresh && broadsheet export --unread --since 24h --format markdown
	  $ broadsheet export --format ndjson --full --limit 20 | jq -r .article.title
	  $ broadsheet sync login https://rss.example.org/api/greader.php --user me && broadsheet sync
`;

// Help, the version and unknown commands or flags are answered before meow parses (and before anything runs).
const early = answerBeforeRunning(process.argv.slice(2));
if (early && typeof early === 'object') {
	if (early.stdout) process.stdout.write(early.stdout);
	if (early.stderr) process.stderr.write(early.stderr);
	process.exit(early.code);
}

const cli = meow(help, {
	importMeta: import.meta,
	// For help and the version meow parses nothing: `-v` is ours, and meow would call it unknown.
	argv: early ? [] : process.argv.slice(2),
	pkg: {name: 'broadsheet', version},
	description: false,
	allowUnknownFlags: false,
	flags: {
		format: {type: 'string', shortFlag: 'f'},
		width: {type: 'number', shortFlag: 'w'},
		feed: {type: 'string', isMultiple: true, default: []},
		tag: {type: 'string', isMultiple: true, default: []},
		title: {type: 'string'},
		json: {type: 'boolean', default: false},
		unread: {type: 'boolean', default: false},
		starred: {type: 'boolean', default: false},
		since: {type: 'string'},
		limit: {type: 'number'},
		full: {type: 'boolean', default: false},
		dedupe: {type: 'boolean', default: false},
		markRead: {type: 'boolean', default: false},
		output: {type: 'string', shortFlag: 'o'},
		user: {type: 'string'},
		passwordStdin: {type: 'boolean', default: false},
		insecure: {type: 'boolean', default: false},
		appId: {type: 'string'},
		appKey: {type: 'string'},
		home: {type: 'string'},
		color: {type: 'boolean', default: true},
	},
});

if (early === 'help') cli.showHelp(0);
if (early === 'version') cli.showVersion();

const {flags} = cli;

async function main(): Promise<number> {
	const [command, ...rest] = cli.input;
	switch (command) {
		case 'read': {
			if (rest.length > 1) throw new UsageError('read takes one URL or file');
			const {readCommand} = await import('./source/commands/read.js');
			await readCommand(rest[0], {format: flags.format ?? 'text', width: flags.width});
			return exitCode.ok;
		}

		case 'completion': {
			if (rest.length > 1) throw new UsageError('completion takes one shell: bash, zsh or fish');
			const {completionCommand} = await import('./source/commands/completion.js');
			return completionCommand(rest[0], flags.home);
		}

		case 'add':
		case 'remove':
		case 'edit':
		case 'config':
		case 'feeds':
		case 'refresh':
		case 'unread':
		case 'export':
		case 'sync':
		case 'import': {
			return withApp(command, rest);
		}

		case undefined: {
			return startReader({home: flags.home, color: flags.color});
		}

		default: {
			throw new UsageError(`unknown command "${command}" (see --help)`);
		}
	}
}

/** The commands that work on subscriptions and the store. */
async function withApp(command: string, rest: string[]): Promise<number> {
	const {openLibrary} = await import('./source/commands/library.js');
	const library = openLibrary(flags.home);
	try {
		switch (command) {
			case 'add': {
				if (rest.length > 1) throw new UsageError('add takes one URL');
				const {addCommand} = await import('./source/commands/subscriptions.js');
				return await addCommand(library, rest[0], {...(flags.title ? {title: flags.title} : {}), tags: flags.tag});
			}

			case 'remove': {
				const {removeCommand} = await import('./source/commands/subscriptions.js');
				return await removeCommand(library, rest);
			}

			case 'edit': {
				const {editCommand} = await import('./source/commands/subscriptions.js');
				return await editCommand(library, rest, {title: flags.title, tags: flags.tag.length > 0 ? flags.tag : undefined});
			}

			case 'config': {
				if (rest.length > 2) throw new UsageError('config takes a setting and a value: broadsheet config concurrency 4');
				const {configCommand} = await import('./source/commands/config.js');
				return await configCommand(library, rest[0], rest[1]);
			}

			case 'feeds': {
				const {feedsCommand} = await import('./source/commands/subscriptions.js');
				return await feedsCommand(library, {json: flags.json});
			}

			case 'sync': {
				const [action, ...operands] = rest;
				const sync = await import('./source/commands/sync.js');
				if (action === undefined) return await sync.syncCommand(library, {json: flags.json});
				if (action === 'login') {
					if (operands.length > 1) throw new UsageError('sync login takes one service URL');
					return await sync.syncLoginCommand(library, operands[0], {
						user: flags.user,
						passwordStdin: flags.passwordStdin,
						insecure: flags.insecure,
						appId: flags.appId,
						appKey: flags.appKey,
					});
				}

				if (operands.length > 0) throw new UsageError(`sync ${action} takes no operand`);
				if (action === 'status') return await sync.syncStatusCommand(library, {json: flags.json});
				if (action === 'logout') return await sync.syncLogoutCommand(library);
				throw new UsageError(`unknown sync action "${action}": login, status or logout (or none: sync now)`);
			}

			case 'refresh': {
				const {refreshCommand} = await import('./source/commands/refresh.js');
				return await refreshCommand(library, {feeds: flags.feed, json: flags.json});
			}

			case 'unread': {
				const {unreadCommand} = await import('./source/commands/subscriptions.js');
				return await unreadCommand(library, {feeds: flags.feed});
			}

			case 'import': {
				const {importCommand} = await import('./source/commands/subscriptions.js');
				return await importCommand(library, rest[0]);
			}

			default: {
				if (flags.tag.length > 1) throw new UsageError('export takes one --tag');
				const {exportCommand} = await import('./source/commands/export.js');
				return await exportCommand(library, {
					format: flags.format,
					feeds: flags.feed,
					tag: flags.tag[0],
					unread: flags.unread,
					starred: flags.starred,
					since: flags.since,
					limit: flags.limit,
					full: flags.full,
					dedupe: flags.dedupe,
					markRead: flags.markRead,
					output: flags.output,
				});
			}
		}
	} catch (error) {
		// The database failing mid-command (a full disk, a file turned read-only) is named, with its path.
		throw asDatabaseError(library.paths.databaseFile, error);
	} finally {
		library.close();
	}
}

await runMain(main);
