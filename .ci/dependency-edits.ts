/**
 * Edits made to dependencies as they are bundled (dist/ and the benchmark's bundle): each one is a
 * measured cost that the published CLI does not pay. Each edit must match exactly once, so the build
 * fails when a dependency changes shape instead of silently shipping the unedited code.
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Plugin} from 'esbuild';

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

/**
 * linkedom gives every node it creates (elements, text, attributes) a WeakMap entry holding a new
 * Map for event listeners, in the EventTarget constructor. Nothing in Broadsheet listens to DOM
 * events, and those entries were a fifth of article extraction plus most of its garbage collection
 * (npm run bench -- extract). Built here with the map made when a listener is first added; the
 * dispatch path already reads a missing map as "no listeners". The build fails if it changes shape.
 */
const lazyEventTarget: Plugin = {
	name: 'lazy-event-target',
	setup(builder) {
		builder.onLoad({filter: /[/\\]linkedom[/\\]esm[/\\]interface[/\\]event-target\.js$/}, ({path}) => {
			const edits: Array<[string, string]> = [
				['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
				[
					'addEventListener(type, listener, options) {\n    const map = wm.get(this);',
					'addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));',
				],
				[
					'removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type))',
					'removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map?.has(type))',
				],
			];
			return {contents: edited(path, edits), loader: 'js'};
		});
	},
};

export const dependencyEdits: Plugin[] = [withoutPackageNormalizer, quickStringWidth, lazyEventTarget];
