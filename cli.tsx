#!/usr/bin/env node
import meow from 'meow';
import {exitCode, printError, quietOnEpipe, UsageError} from './source/commands/output.js';
import {isBroadsheetError} from './source/net/errors.js';
import {version} from './source/version.js';

const help = `
	Usage
	  $ broadsheet <command> [options]

	Commands
	  read <url|file>    Print the readable article from a web page (or a saved .html file)

	Options for read
	  --format, -f       text (default), markdown, json or html
	  --width, -w        Wrap text to this many columns (0: no wrapping;
	                     default: the terminal's width up to 100, none in a pipe)

	Options
	  --help             Show this help
	  --version          Show the version

	Exit codes
	  0 ok · 1 failed · 2 usage error

	Examples
	  $ broadsheet read https://www.aljazeera.com/news/2017/08/tillerson-lavrov-russian-meddling-led-mistrust-170807054302155.html
	  $ broadsheet read saved-page.html --format markdown > article.md
	  $ broadsheet read https://example.com/story --format json | jq .title
`;

const cli = meow(help, {
	importMeta: import.meta,
	pkg: {name: 'broadsheet', version},
	description: false,
	allowUnknownFlags: false,
	flags: {
		format: {type: 'string', shortFlag: 'f', default: 'text'},
		width: {type: 'number', shortFlag: 'w'},
	},
});

async function main(): Promise<number> {
	const [command, ...rest] = cli.input;
	switch (command) {
		case 'read': {
			if (rest.length > 1) throw new UsageError('read takes one URL or file');
			const {readCommand} = await import('./source/commands/read.js');
			await readCommand(rest[0], {format: cli.flags.format, width: cli.flags.width});
			return exitCode.ok;
		}

		case undefined: {
			if (!process.stdin.isTTY || !process.stdout.isTTY) {
				printError('no terminal here: use a command such as `broadsheet read <url>` (see --help)');
				return exitCode.usage;
			}

			cli.showHelp(exitCode.ok);
			return exitCode.ok;
		}

		default: {
			throw new UsageError(`unknown command "${command}" (see --help)`);
		}
	}
}

quietOnEpipe();
try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof UsageError) {
		printError(error.message);
		process.exitCode = exitCode.usage;
	} else if (isBroadsheetError(error)) {
		printError(error.message);
		process.exitCode = exitCode.failed;
	} else {
		printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
		if (process.env['BROADSHEET_DEBUG']) console.error(error);
		process.exitCode = exitCode.failed;
	}
}
