import {describeUrl} from '../net/errors.js';
import {readAccount} from '../sync/account.js';
import {refreshWithSettings} from '../refresh/with-settings.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {matchSubscriptions, type Library} from './library.js';
import {exitCode} from './output.js';
import {writeOut} from './output-stream.js';
import {progressLine} from './progress.js';
import {plural} from '../text/plural.js';
import {utcTime} from '../text/dates.js';

/** `broadsheet refresh [--feed X]... [--json]`: quiet on success in a pipe; failures summarised on stderr. */
export async function refreshCommand(library: Library, options: {feeds: readonly string[]; json: boolean}): Promise<number> {
	// With a reading service, it fetches the feeds: a refresh is a sync (fetching a feed here would double its items).
	if (readAccount(library.paths)) {
		const {syncCommand} = await import('./sync.js');
		return syncCommand(library, {json: options.json});
	}

	const subscriptions = matchSubscriptions(library, options.feeds);
	const moved: string[] = [];
	const warnings: string[] = [];
	const progress = progressLine(process.stderr);
	const summary = await refreshWithSettings(library.store, library.settings, subscriptions, {
		onEvent(event) {
			if (event.type === 'feed-warning') warnings.push(`warning: ${describeUrl(event.url)}: ${event.message}`);
			progress(event);
		},
		onMoved: (from, to) => moved.push(`${describeUrl(from)} moved permanently to ${describeUrl(to)}: subscription updated`),
	});

	for (const line of [...moved, ...warnings]) process.stderr.write(`broadsheet: ${sanitizeTerminal(line, {maxLength: 500})}\n`);
	for (const {url, until} of summary.deferrals) {
		process.stderr.write(`broadsheet: ${describeUrl(url)}: deferred until ${utcTime(until)} (its server asked to wait)\n`);
	}

	if (options.json) await writeOut(JSON.stringify(summary, null, 2) + '\n');
	if (summary.failed > 0) {
		process.stderr.write(`broadsheet: ${summary.failed} of ${plural(summary.total, 'feed')} failed:\n`);
		for (const failure of summary.failures) process.stderr.write(`  ${sanitizeTerminal(failure.message, {maxLength: 300})}\n`);
	}

	if (summary.failed === 0) return exitCode.ok;
	return summary.failed === summary.total ? exitCode.failed : exitCode.partial;
}
