import test from 'ava';
import {stripInertMarkup} from '../../source/text/strip-inert.js';

test('drops scripts, styles, comments, svg, noscript and templates but keeps JSON-LD', (t) => {
	const html =
		'<head><script>var a = "<p>not text</p>";</script><script type="application/ld+json">{"headline":"H"}</script><style>p{}</style></head>' +
		'<body><!-- <script> in a comment --><p>One</p><svg><path d="M0"/></svg><noscript><img src=x></noscript><template><p>t</p></template><p>Two</p></body>';
	t.is(
		stripInertMarkup(html),
		'<head><script type="application/ld+json">{"headline":"H"}</script></head><body><p>One</p><p>Two</p></body>',
	);
});

test('a "<!--" inside a script and a "</script" inside a comment do not derail it', (t) => {
	t.is(stripInertMarkup('<p>a</p><script>if (x <!--y) {}</script><p>b</p>'), '<p>a</p><p>b</p>');
	t.is(stripInertMarkup('<p>a</p><!-- </script> --><p>b</p>'), '<p>a</p><p>b</p>');
});

test('an unterminated script swallows the rest, as a browser would', (t) => {
	t.is(stripInertMarkup('<p>a</p><script>never closed <p>b</p>'), '<p>a</p>');
});
