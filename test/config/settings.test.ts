import test from 'ava';
import {defaultSettings} from '../../source/config/settings.js';
import {settingsMistakes, settingsProblem} from '../../source/config/validate-settings.js';

test('settings validation names the first problem, and accepts what the defaults and users write', (t) => {
	t.is(
		settingsProblem({
			subscriptions: [{url: 'https://a.example/f', title: 'A', tags: ['x']}],
			concurrency: 8,
			theme: 'dark',
			userAgent: null,
			keyBindings: {quit: ['q']},
		}),
		undefined,
	);
	t.is(settingsProblem({}), undefined);
	t.is(settingsProblem([]), 'the file is not a JSON object');
	t.is(settingsProblem({concurrency: 'lots'}), '`concurrency` must be a whole number from 1 to 64');
	t.is(settingsProblem({concurrency: 100}), '`concurrency` must be a whole number from 1 to 64');
	t.is(settingsProblem({subscriptions: [{url: 'ftp://x'}]}), '`subscriptions` entry 1 needs an http(s) "url"');
	t.is(settingsProblem({subscriptions: [{url: 'https://x', tags: 'news'}]}), '`subscriptions` entry 1: "tags" must be a list of strings');
	t.is(settingsProblem({theme: 'neon'}), '`theme` must be "auto", "dark" or "light"');
	t.is(settingsProblem({keyBindings: {quit: 'q'}}), '`keyBindings` must map actions to lists of keys');
});

test('what does nothing in a valid config.json is named, with the nearest valid name', (t) => {
	const known = Object.keys(defaultSettings);
	t.deepEqual(settingsMistakes({subscriptions: [], concurency: 4, keyBindings: {refreshAl: ['F5'], quit: ['x']}, zzz: 1}, known), [
		'unknown setting "concurency" (did you mean "concurrency"?): ignored',
		'unknown setting "zzz": ignored',
		'unknown key-binding action "refreshAl" (did you mean "refreshAll"?): ignored',
	]);
	t.deepEqual(settingsMistakes({subscriptions: [], theme: 'dark', keyBindings: {addStarterFeeds: ['S']}}, known), []);
});
