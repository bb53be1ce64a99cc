import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {repoDirectory} from './paths.js';

/**
 * Builds the bundled CLI into a fresh directory inside the repository (as in the published package,
 * node_modules is then above it: conf is loaded from there); returns its cli.js and a cleanup.
 */
export async function buildCli(): Promise<{cli: string; remove: () => void}> {
	const directory = mkdtempSync(join(repoDirectory, '.build-'));
	await promisify(execFile)(process.execPath, ['--import', 'tsx', '.ci/build.ts', '--outdir', directory], {cwd: repoDirectory});
	return {cli: join(directory, 'cli.js'), remove: () => rmSync(directory, {recursive: true, force: true})};
}
