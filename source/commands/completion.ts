import {defaultSettings} from '../config/settings.js';
import type {SubscribedFeed} from '../store/subscribed-feeds.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {exitCode, UsageError} from './output.js';
import {writeOut} from './output-stream.js';
import {commandUsages, commonFlags, flagSpecs, type FlagValue} from './usage.js';

/**
 * `broadsheet completion bash|zsh|fish`: completion scripts generated from the CLI's own tables
 * (commands, their flags and formats), so they cannot drift from what the parser accepts. Feed
 * titles come from `broadsheet completion feeds` at TAB time. Titles are feeds' text: the scripts
 * treat them as data only (bash's `compgen -W` would expand `$(…)` in them, so it never sees them).
 */

export const completionShells = ['bash', 'zsh', 'fish'] as const;

/** One title per line for `--feed`, `remove` and `edit`: your own title, else the feed's, else its URL. */
export function feedNames(feeds: ReadonlyArray<SubscribedFeed<unknown>>): string[] {
	return feeds.map(({subscription, title}) =>
		sanitizeTerminal(title ?? subscription.url)
			.replace(/\s+/g, ' ')
			.trim(),
	);
}

export function completionScript(shell: string): string | undefined {
	if (shell === 'bash') return bashScript();
	if (shell === 'zsh') return `${zshPreamble}${bashScript()}`;
	if (shell === 'fish') return fishScript();
	return undefined;
}

const commands = Object.keys(commandUsages);
const settingNames = Object.keys(defaultSettings);

function flagsOf(command: string | undefined): string[] {
	return command === undefined
		? ['--home', '--no-color', '--help', '--version']
		: [...(commandUsages[command]?.flags ?? []), ...commonFlags];
}

/** The flags (long and short) whose value is of this kind. */
function flagsTaking(kind: FlagValue): string[] {
	return Object.entries(flagSpecs)
		.filter(([, spec]) => spec.value === kind)
		.flatMap(([name, spec]) => (spec.short ? [name, spec.short] : [name]));
}

function caseArm(patterns: readonly string[], body: string): string {
	return `\t\t${patterns.join('|')}) ${body} ;;`;
}

const zshPreamble = `# zsh: through bash's completion (bashcompinit), so both shells complete alike.
autoload -U +X compinit && { (( \${+_comps} )) || compinit; }
autoload -U +X bashcompinit && bashcompinit
`;

function bashScript(): string {
	const valueFlags = Object.entries(flagSpecs)
		.filter(([, spec]) => spec.value !== 'switch')
		.flatMap(([name, spec]) => (spec.short ? [name, spec.short] : [name]));
	const formatArms = Object.entries(commandUsages)
		.filter(([, usage]) => usage.formats)
		.map(([command, usage]) => caseArm([command], `_broadsheet_static "${usage.formats!.join(' ')}"`));
	const flagArms = commands.map((command) => caseArm([command], `_broadsheet_static "${flagsOf(command).join(' ')}"`));
	const operandArms = Object.entries(commandUsages)
		.filter(([, usage]) => usage.operand)
		.map(([command, usage]) => {
			const operand = usage.operand!;
			const body =
				operand === 'feed'
					? '_broadsheet_feeds'
					: operand === 'command'
						? `_broadsheet_static "${commands.join(' ')}"`
						: operand === 'setting'
							? `_broadsheet_static "${settingNames.join(' ')}"`
							: operand === 'shell'
								? `_broadsheet_static "${completionShells.join(' ')}"`
								: 'return'; // files: the shell's own completion (-o default), which copes with spaces
			return caseArm([command], body);
		});

	return `# Broadsheet completion for bash. Load it from ~/.bashrc:
#   eval "$(broadsheet completion bash)"
_broadsheet_static() {
	COMPREPLY=($(compgen -W "$1" -- "$cur"))
}
_broadsheet_feeds() {
	# Feed titles are data: matched as literal prefixes and quoted, never expanded.
	local typed=\${cur#[\\"\\']} title
	typed=\${typed//\\\\/}
	while IFS= read -r title; do
		[[ $title == "$typed"* ]] && COMPREPLY+=("$(printf '%q' "$title")")
	done < <(command broadsheet completion feeds \${home:+--home "$home"} 2>/dev/null)
}
_broadsheet() {
	local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command= home= i word
	COMPREPLY=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=\${COMP_WORDS[i]}
		case $word in
			--home) home=\${COMP_WORDS[i+1]}; ((i++)) ;;
			${valueFlags.filter((flag) => flag !== '--home').join('|')}) ((i++)) ;;
			-*) ;;
			*) [[ -z $command ]] && command=$word ;;
		esac
	done
	case $prev in
		${flagsTaking('format').join('|')})
			case $command in
${formatArms.map((arm) => `\t\t${arm}`).join('\n')}
			esac
			return ;;
		${flagsTaking('feed').join('|')}) _broadsheet_feeds; return ;;
		${[...flagsTaking('file'), ...flagsTaking('directory'), ...flagsTaking('text')].join('|')}) return ;;
	esac
	if [[ $cur == -* ]]; then
		case $command in
			'') _broadsheet_static "${flagsOf(undefined).join(' ')}" ;;
${flagArms.map((arm) => `\t${arm}`).join('\n')}
		esac
		return
	fi
	case $command in
		'') _broadsheet_static "${commands.join(' ')}" ;;
${operandArms.join('\n')}
	esac
}
complete -o bashdefault -o default -F _broadsheet broadsheet
`;
}

function fishScript(): string {
	const quote = (text: string) => `'${text.replace(/[\\']/g, (character) => `\\${character}`)}'`;
	const lines = [
		'# Broadsheet completion for fish. Save it as ~/.config/fish/completions/broadsheet.fish:',
		'#   broadsheet completion fish > ~/.config/fish/completions/broadsheet.fish',
		'complete -c broadsheet -f',
		...commands.map(
			(command) => `complete -c broadsheet -n __fish_use_subcommand -a ${command} -d ${quote(commandUsages[command]!.summary)}`,
		),
		...['home', 'no-color', 'help', 'version'].map((flag) => `complete -c broadsheet -n __fish_use_subcommand -l ${flag}`),
	];
	for (const command of commands) {
		const usage = commandUsages[command]!;
		const when = `-n '__fish_seen_subcommand_from ${command}'`;
		for (const flag of flagsOf(command)) {
			const spec = flagSpecs[flag]!;
			const short = spec.short ? ` -s ${spec.short.slice(1)}` : '';
			const value =
				spec.value === 'format'
					? ` -x -a ${quote((usage.formats ?? []).join(' '))}`
					: spec.value === 'feed'
						? ` -x -a '(broadsheet completion feeds 2>/dev/null)'`
						: spec.value === 'file' || spec.value === 'directory'
							? ' -r -F'
							: spec.value === 'text'
								? ' -x'
								: '';
			lines.push(`complete -c broadsheet ${when} -l ${flag.slice(2)}${short}${value}`);
		}

		const operand =
			usage.operand === 'feed'
				? ` -a '(broadsheet completion feeds 2>/dev/null)'`
				: usage.operand === 'command'
					? ` -a ${quote(commands.join(' '))}`
					: usage.operand === 'setting'
						? ` -a ${quote(settingNames.join(' '))}`
						: usage.operand === 'shell'
							? ` -a ${quote(completionShells.join(' '))}`
							: usage.operand
								? ' -F'
								: '';
		if (operand) lines.push(`complete -c broadsheet ${when}${operand}`);
	}

	return `${lines.join('\n')}\n`;
}

/** `broadsheet completion bash|zsh|fish` prints the script; `completion feeds` the titles the scripts offer. */
export async function completionCommand(shell: string | undefined, home: string | undefined): Promise<number> {
	if (shell === 'feeds') {
		const {openLibrary, subscribedFeeds} = await import('./library.js');
		const library = openLibrary(home);
		try {
			const names = feedNames(subscribedFeeds(library));
			await writeOut(names.map((name) => `${name}\n`).join(''));
		} finally {
			library.close();
		}

		return exitCode.ok;
	}

	const script = shell === undefined ? undefined : completionScript(shell);
	if (script === undefined) throw new UsageError(`completion needs a shell: broadsheet completion ${completionShells.join('|')}`);
	await writeOut(script);
	return exitCode.ok;
}
