/**
 * Builds the published CLI into dist/: an ESM bundle (production React, devtools stubbed) split per
 * command, main.js and its chunks, behind a launcher, cli.js, that turns on Node's compile cache.
 * A few files load far faster than hundreds of small modules.
 */
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build, type Plugin} from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

/** A dependency's source with each `before` (which must occur exactly once) replaced: the build fails if it changed shape. */
function edited(path: string, edits: ReadonlyArray<readonly [before: string, after: string]>): string {
	let source = readFileSync(path, 'utf8');
	for (const [before, after] of edits) {
		if (source.split(before).length !== 2) throw new Error(`${path} changed: "${before.slice(0, 80)}" is not in it exactly once`);
		source = source.replace(before, () => after);
	}

	return source;
}

/**
 * meow bundles normalize-package-data (SPDX tables, semver, hosted-git-info: 190 KiB) and runs it
 * as it loads, yet calls it only for `cli.pkg`, which Broadsheet never reads (it passes `pkg`).
 * Next to it, a discarded `promisify(execFile)` loads child_process (with net, dgram and the
 * stream internals) for nothing. Both are left out of the build; were the normaliser ever called,
 * it says why it is missing. The build fails if meow changes shape.
 */
const withoutPackageNormalizer: Plugin = {
	name: 'without-package-normalizer',
	setup(builder) {
		builder.onLoad({filter: /[/\\]meow[/\\]build[/\\]dependencies\.js$/}, ({path}) => {
			const eager =
				'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);\npromisify(execFile);';
			const missing = `const normalizePackageData = () => {
				throw new Error('broadsheet is built without normalize-package-data: read pkg, not cli.pkg');
			};`;
			return {contents: edited(path, [[eager, missing]]), loader: 'js'};
		});
	},
};

/**
 * string-width (ours and Ink's) builds an ICU segmenter and the RGI emoji set when it loads (~28 ms
 * before the first paint) and measures anything beyond ASCII per grapheme, which is every row of
 * ours ('●', '│', '’'). Built here with both made on first use and our one-column fast path in
 * front; narrowText is tested against the unmodified module. The build fails if it changes shape.
 */
const quickStringWidth: Plugin = {
	name: 'quick-string-width',
	setup(builder) {
		builder.onLoad({filter: /[/\\]node_modules[/\\]string-width[/\\]index\.js$/}, ({path}) => {
			const narrowModule = JSON.stringify(`${root}source/text/narrow-text.ts`);
			const edits: Array<[string, string]> = [
				["import stripAnsi from 'strip-ansi';", `import stripAnsi from 'strip-ansi';\nimport {narrowText} from ${narrowModule};`],
				['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
				['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;'],
				['if (/^[\\u0020-\\u007E]*$/.test(string)) {', 'if (narrowText.test(string)) {'],
				['of segmenter.segment(string)', 'of (segmenter ??= new Intl.Segmenter()).segment(string)'],
				['rgiEmojiRegex.test(segment)', "(rgiEmojiRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment)"],
			];
			return {contents: edited(path, edits), loader: 'js'};
		});
	},
};

const {version} = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string};

// `--outdir <dir>` builds elsewhere (tests build into temporary directories, never over each other).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag === -1 ? 'dist' : process.argv[outdirFlag + 1]!;
const outPath = outdir.startsWith('/') ? outdir : `${root}${outdir}`;
rmSync(outPath, {recursive: true, force: true});
const result = await build({
	absWorkingDir: root,
	// dist/cli.js is a launcher (below) for main.js (every command) and reader.js (`broadsheet` alone);
	// the feed parser's worker thread is dist/parse-worker.js.
	entryPoints: {main: 'cli.tsx', reader: 'source/ui/reader-main.ts', 'parse-worker': 'source/feeds/parse-worker.ts'},
	outdir,
	// Each command's code loads only when that command runs: `read` never parses conf or SQLite code.
	splitting: true,
	// Chunks sit beside cli.js so that import.meta.url-relative paths (the parse worker) hold in every chunk.
	chunkNames: '[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22.13',
	minifySyntax: true,
	legalComments: 'linked',
	metafile: true,
	define: {
		'process.env.NODE_ENV': '"production"',
		BROADSHEET_VERSION: JSON.stringify(version),
	},
	alias: {'react-devtools-core': './.ci/stubs/react-devtools-core.js'},
	plugins: [withoutPackageNormalizer, quickStringWidth],
	banner: {
		// CommonJS dependencies (rss-parser, xml2js) need `require`. The worker thread enables the compile cache itself.
		js: [
			"import {createRequire as __createRequire} from 'node:module';",
			"import __module from 'node:module';",
			'__module.enableCompileCache?.();',
			'const require = __createRequire(import.meta.url);',
		].join('\n'),
	},
});

// The launcher. Node's compile cache helps only modules compiled after it is enabled, so it is
// turned on here, before main.js (120 KiB) compiles: ~5 ms off every start once the cache is warm.
// With no arguments there are no flags to parse: the reader starts without meow (~30 ms).
writeFileSync(
	join(outPath, 'cli.js'),
	[
		'#!/usr/bin/env node',
		"import module from 'node:module';",
		'',
		'module.enableCompileCache?.();',
		"await import(process.argv.length > 2 ? './main.js' : './reader.js');",
		'',
	].join('\n'),
	{mode: 0o755},
);

for (const [file, output] of Object.entries(result.metafile.outputs)) {
	if (file.endsWith('.js')) console.log(`${file}: ${(output.bytes / 1024).toFixed(0)} KiB, version ${version}`);
}
