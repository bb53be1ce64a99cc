/**
 * The process entry for `broadsheet` with no arguments (the launcher, dist/cli.js, picks it):
 * there are no flags to parse, so the reader starts without loading the flag parser (~30 ms).
 */
import {runMain} from '../commands/main.js';
import {startReader} from './start.js';

await runMain(async () => startReader({}));
