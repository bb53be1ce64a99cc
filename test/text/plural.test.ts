import test from 'ava';
import {plural} from '../../source/text/plural.js';

test('counts agree with their nouns', (t) => {
	t.is(plural(1, 'feed'), '1 feed');
	t.is(plural(0, 'feed'), '0 feeds');
	t.is(plural(2, 'item'), '2 items');
	t.is(plural(1, 'story'), '1 story');
	t.is(plural(3, 'story'), '3 stories');
	t.is(plural(2, 'day'), '2 days');
});
