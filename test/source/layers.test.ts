import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, normalize, relative} from 'node:path';
import test from 'ava';
import {repoDirectory} from '../helpers/paths.js';

/**
 * The house's rule, checked on every file: a folder of source/ imports only from folders below it,
 * Ink and React only in ui/, and no file reaches itself through its imports.
 */
const layers = [
	'version.ts',
	'is-record.ts',
	'text',
	'system',
	'net',
	'config',
	'feeds',
	'articles',
	'store',
	'render',
	'operations',
	'refresh',
	'sync',
	'commands',
	'ui',
];

const sourceDirectory = join(repoDirectory, 'source');

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The files a file imports (static, dynamic and type-only), and the packages. */
function importsOf(file: string): {files: string[]; packages: string[]} {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
	return {
		files: specifiers
			.filter((specifier) => specifier.startsWith('.'))
			.map((specifier) => normalize(join(dirname(file), specifier)).replace(/\.js$/, ''))
			.map((base) => [`${base}.ts`, `${base}.tsx`].find((candidate) => files.includes(candidate)) ?? base),
		packages: specifiers.filter((specifier) => !specifier.startsWith('.')),
	};
}

const files = sourceFiles(sourceDirectory);
const layerOf = (file: string) => layers.indexOf(relative(sourceDirectory, file).split('/')[0]!);

test('every folder of source/ has its place in the layers', (t) => {
	t.deepEqual(
		files.filter((file) => layerOf(file) === -1).map((file) => relative(repoDirectory, file)),
		[],
	);
});

test('imports only point down (or within a folder), and Ink and React are imported only by ui/', (t) => {
	const upward: string[] = [];
	const inkOutsideUi: string[] = [];
	for (const file of files) {
		const {files: targets, packages} = importsOf(file);
		for (const target of targets) {
			if (layerOf(target) > layerOf(file)) upward.push(`${relative(sourceDirectory, file)} → ${relative(sourceDirectory, target)}`);
		}

		if (layerOf(file) !== layers.indexOf('ui') && packages.some((name) => /^(ink|ink-text-input|react)(\/|$)/.test(name))) {
			inkOutsideUi.push(relative(sourceDirectory, file));
		}
	}

	t.deepEqual(upward, []);
	t.deepEqual(inkOutsideUi, []);
});

test('no file imports itself through others (no import cycles)', (t) => {
	const graph = new Map(files.map((file) => [file, importsOf(file).files.filter((target) => files.includes(target))]));
	const cycles: string[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (file: string, path: string[]) => {
		if (state.get(file) === 'done') return;
		if (state.get(file) === 'visiting') {
			cycles.push([...path.slice(path.indexOf(file)), file].map((entry) => relative(sourceDirectory, entry)).join(' → '));
			return;
		}

		state.set(file, 'visiting');
		for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
		state.set(file, 'done');
	};

	for (const file of files) visit(file, []);
	t.deepEqual(cycles, []);
});
