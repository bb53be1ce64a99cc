import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ExecutionContext} from 'ava';

/** A BROADSHEET_HOME for one test, removed afterwards; `subscriptions` pre-seeds config.json (no default feeds). */
export function tempHome(t: ExecutionContext, subscriptions: Array<{url: string; title?: string; tags?: string[]}> = []): string {
	const home = mkdtempSync(join(tmpdir(), 'broadsheet-test-'));
	writeFileSync(join(home, 'config.json'), JSON.stringify({subscriptions: subscriptions.map((entry) => ({tags: [], ...entry}))}));
	t.teardown(() => rmSync(home, {recursive: true, force: true}));
	return home;
}
