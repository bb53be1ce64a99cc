import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {repoDirectory} from './paths.js';

/** Builds the bundled CLI into a fresh temporary directory; returns the path of its cli.js and a cleanup. */
export async function buildCli(): Promise<{cli: string; remove: () => void}> {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-build-'));
	await promisify(execFile)(process.execPath, ['--import', 'tsx', '.ci/build.ts', '--outdir', directory], {cwd: repoDirectory});
	return {cli: join(directory, 'cli.js'), remove: () => rmSync(directory, {recursive: true, force: true})};
}
