import test from 'ava';
import {isMovement, keptInView, moved} from '../../../source/ui/state/movement.js';

test('one movement rule for the feeds, the headlines and an article: clamped at both ends, a page at a time', (t) => {
	t.is(moved('down', 0, 10, 5), 1);
	t.is(moved('down', 9, 10, 5), 9);
	t.is(moved('up', 0, 10, 5), 0);
	t.is(moved('pageDown', 3, 10, 5), 8);
	t.is(moved('pageDown', 8, 10, 5), 9);
	t.is(moved('pageUp', 3, 10, 5), 0);
	t.is(moved('top', 7, 10, 5), 0);
	t.is(moved('bottom', 0, 10, 5), 9);
	t.is(moved('down', 0, 0, 5), 0, 'an empty list stays at 0');
	t.true(isMovement('pageUp'));
	t.false(isMovement('open'));
});

test('a list scrolls only as far as keeps the selection on screen, and never past its end', (t) => {
	t.is(keptInView(0, 3, 5, 100), 0);
	t.is(keptInView(0, 5, 5, 100), 1);
	t.is(keptInView(10, 4, 5, 100), 4);
	t.is(keptInView(98, 99, 5, 100), 95, 'a resize taller pulls the window back');
	t.is(keptInView(-3, 0, 5, 100), 0);
	t.is(keptInView(0, 0, 5, 2), 0);
});
