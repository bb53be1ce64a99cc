import test from 'ava';
import {headlinesReducer, initialHeadlines, type HeadlinesAction, type HeadlinesState} from '../../../source/ui/state/headlines-state.js';

const run = (state: HeadlinesState, ...actions: HeadlinesAction[]) => actions.reduce(headlinesReducer, state);
const list = {count: 100, height: 10};

test('a story is kept by id: new data moves the selection with it, and the list scrolls only as needed', (t) => {
	const selected = run(initialHeadlines(), {type: 'selectStory', index: 12, id: 512, ...list});
	t.like(selected, {selected: 12, selectedId: 512, listTop: 3});
	// Five new stories arrived above it: it is at 17 now.
	t.like(run(selected, {type: 'listChanged', index: 17, id: 512, ...list}), {selected: 17, selectedId: 512, listTop: 8});
	// Gone from the list (filtered out): the same row, within the new count.
	t.like(run(selected, {type: 'listChanged', index: undefined, id: 512, count: 5, height: 10}), {selected: 4, listTop: 0});
	t.is(run(selected, {type: 'listChanged', index: 12, id: 512, ...list}), selected, 'nothing changed: the same state');
});

test('another feed starts at its top; the pane switches; a search resets the list and takes the keys to it', (t) => {
	const state = run(initialHeadlines(), {type: 'selectStory', index: 30, id: 1, ...list}, {type: 'switchPane'});
	t.is(state.pane, 'feeds');
	t.like(run(state, {type: 'selectFeed', index: 2}), {feedIndex: 2, selected: 0, selectedId: undefined, listTop: 0});
	const searched = run(state, {type: 'openPrompt', kind: 'search', value: ''}, {type: 'search', query: '  russia '});
	t.like(searched, {search: {query: 'russia'}, prompt: undefined, pane: 'items', selected: 0});
	t.is(run(searched, {type: 'search', query: ''}).search, undefined);
});

test('the prompt keeps its line through a failed add, with the cursor at its end', (t) => {
	const opened = run(initialHeadlines(), {type: 'openPrompt', kind: 'add', value: 'bbc'});
	t.deepEqual(opened.prompt, {kind: 'add', line: {value: 'bbc', cursor: 3}});
	const edited = run(opened, {type: 'editPrompt', line: {value: 'bbc.co.uk', cursor: 9}});
	const busy = run(edited, {type: 'promptBusy', value: 'bbc.co.uk'});
	t.true(busy.prompt?.busy);
	const failed = run(busy, {type: 'promptFailed', value: 'bbc.co.uk', error: 'no feed here'});
	t.deepEqual(failed.prompt, {kind: 'add', line: {value: 'bbc.co.uk', cursor: 9}, busy: false, error: 'no feed here'});
	t.is(run(failed, {type: 'closePrompt'}).prompt, undefined);
});

test('help opens at its top and scrolls; A leaves an undo until it is used; u says what it shows', (t) => {
	const help = run(initialHeadlines(), {type: 'toggleHelp'}, {type: 'scrollHelp', to: 6});
	t.like(help, {help: true, helpScroll: 6});
	t.like(run(help, {type: 'toggleHelp'}, {type: 'toggleHelp'}), {help: true, helpScroll: 0});
	const marked = run(initialHeadlines(), {
		type: 'markedRead',
		undo: {ids: [1, 2], until: 10_000},
		message: {text: 'Marked 2 stories read · U undoes', error: false},
	});
	t.deepEqual(marked.undo, {ids: [1, 2], until: 10_000});
	t.is(run(marked, {type: 'undone', message: {text: '2 stories unread again', error: false}}).undo, undefined);
	t.is(run(marked, {type: 'selectFeed', index: 3}).undo, undefined, 'another list: the undo is for the one it marked');
	t.deepEqual(run(initialHeadlines(), {type: 'toggleUnreadOnly'}).message, {text: 'Showing unread stories only', error: false});
});

test('the reader opens where it was left', (t) => {
	t.like(initialHeadlines({feedIndex: 3, selected: 40, selectedId: 9, listTop: 35}), {
		feedIndex: 3,
		selected: 40,
		selectedId: 9,
		listTop: 35,
		pane: 'items',
	});
});
