import test from 'ava';
import {progressLine} from '../../source/commands/progress.js';

test('on a terminal the refresh is one line rewritten in place and cleared at the end; elsewhere nothing is written', (t) => {
	const written: string[] = [];
	const terminal = {isTTY: true, write: (text: string) => written.push(text)} as unknown as NodeJS.WriteStream;
	const onEvent = progressLine(terminal);
	onEvent({type: 'start', total: 2});
	onEvent({type: 'feed-failed', url: 'a', kind: 'http', message: 'HTTP 500'});
	onEvent({type: 'done', summary: {} as never});
	t.deepEqual(written, ['\r\u001B[2KRefreshing 0/2', '\r\u001B[2K']);

	const piped: string[] = [];
	const pipe = {isTTY: false, write: (text: string) => piped.push(text)} as unknown as NodeJS.WriteStream;
	progressLine(pipe)({type: 'start', total: 2});
	t.deepEqual(piped, []);
});
