import test from 'ava';
import {canonicalStoryUrl} from '../../source/net/canonical-url.js';

test('copies of one article page give one key: scheme, www/m/amp hosts, AMP paths, tracking, fragments, trailing slashes', (t) => {
	const article = 'https://www.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery';
	const key = canonicalStoryUrl(article);
	t.is(key, 'theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery');
	for (const variant of [
		'http://www.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery/',
		'https://amp.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery',
		'https://m.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery#comments',
		'https://www.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery/amp',
		'https://www.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery?CMP=share_btn_tw&utm_source=x',
		'https://www.theguardian.com/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery?fbclid=IwAR0&amp=1&outputType=amp',
		'https://www.theguardian.com/amp/world/2016/jun/14/silvio-berlusconi-undergoes-heart-surgery',
	])
		t.is(canonicalStoryUrl(variant), key, variant);
	t.is(canonicalStoryUrl('https://news.example/2016/story.amp.html'), canonicalStoryUrl('https://news.example/2016/story.html'));
	t.is(canonicalStoryUrl('https://news.example/2016/story/index.html'), canonicalStoryUrl('https://news.example/2016/story'));
});

test('what tells pages apart stays: other paths, ports, ids in the query (in any order), path case', (t) => {
	t.not(canonicalStoryUrl('https://news.example/a/1'), canonicalStoryUrl('https://news.example/a/2'));
	t.not(canonicalStoryUrl('https://news.example/story?id=1'), canonicalStoryUrl('https://news.example/story?id=2'));
	t.is(
		canonicalStoryUrl('https://news.example/story?id=1&page=2'),
		canonicalStoryUrl('https://news.example/story?page=2&id=1&utm_medium=rss'),
	);
	t.not(canonicalStoryUrl('https://news.example:8080/a'), canonicalStoryUrl('https://news.example/a'));
	t.not(canonicalStoryUrl('https://news.example/Story'), canonicalStoryUrl('https://news.example/story'));
	t.not(canonicalStoryUrl('https://news.example/feed?output=xml'), canonicalStoryUrl('https://news.example/feed'));
	t.not(canonicalStoryUrl('https://bbc.co.uk/news/1'), canonicalStoryUrl('https://bbc.com/news/1'));
});

test('no key for what names no article: a site root, nothing, not http(s), not a URL', (t) => {
	for (const link of [
		'https://www.thehindu.com/',
		'https://news.example',
		'https://news.example/?utm_source=rss',
		null,
		'mailto:a@b.example',
		'not a url',
	])
		t.is(canonicalStoryUrl(link), null, String(link));
});
