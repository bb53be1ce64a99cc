/**
 * `npm run media`: screenshots of the running reader for the README, taken from a real terminal
 * (tmux, 120×36) against the fixture site, written to media/ as SVG.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {buildCli} from '../helpers/build-cli.js';
import {startFixtureServer} from '../helpers/fixture-server.js';
import {repoDirectory} from '../helpers/paths.js';
import {TmuxSession} from '../helpers/tmux.js';
import {ansiToSvg} from './ansi-svg.js';

const size = {width: 120, height: 36};
const [{cli, remove}, server] = await Promise.all([buildCli(), startFixtureServer()]);
const home = mkdtempSync(join(tmpdir(), 'broadsheet-media-'));
const session = new TmuxSession();
try {
	writeFileSync(join(home, 'config.json'), JSON.stringify({subscriptions: [{url: server.url('/xml/rss/all.xml'), title: 'Al Jazeera', tags: ['world']}]}));
	await session.start(`env BROADSHEET_HOME='${home}' TERM=xterm-256color COLORTERM=truecolor '${process.execPath}' '${cli}'; sleep 30`, size);
	await session.waitFor((screen) => screen.includes('Tillerson to Lavrov'), 'the headlines');
	await session.waitFor((screen) => screen.includes('Refreshed'), 'the refresh to finish');
	await session.keys('j');
	mkdirSync(join(repoDirectory, 'media'), {recursive: true});
	const shot = async (name: string, title: string) => {
		await new Promise((resolve) => setTimeout(resolve, 300));
		writeFileSync(join(repoDirectory, 'media', name), ansiToSvg(await session.screen(true), {columns: size.width, rows: size.height, title}));
		console.log(`media/${name}`);
	};

	await shot('headlines.svg', 'broadsheet — headlines');
	await session.keys('k', 'Enter');
	await session.waitFor((screen) => screen.includes('Al Jazeera · 7 Aug 2017'), 'the article');
	await session.keys('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'Tab', 'Tab', 'Tab');
	await session.waitFor((screen) => /\[3\] http/.test(screen), 'the related link focused');
	await shot('article.svg', 'broadsheet — the seed article: quotations highlighted, a related link focused');
	await session.keys('K');
	await session.waitFor((screen) => screen.includes('Key quotes') && screen.includes('Dmitry Medvedev'), 'Key quotes');
	await shot('key-quotes.svg', 'broadsheet — Key quotes: who said what, Enter jumps to it');
	await session.keys('Escape', 'Escape', 'q');
} finally {
	await session.kill();
	await server.close();
	remove();
	rmSync(home, {recursive: true, force: true});
}
