import test from 'ava';
import {storyFingerprint, storySimilarity, StoryWords} from '../../source/feeds/same-story.js';

const words = (title: string, summaryHtml: string | null) =>
	new StoryWords(storyFingerprint({title, link: null, summaryHtml, contentHtml: null}).text);

const lead =
	'<p>Surgeons at Milan’s San Raffaele hospital spend about four hours replacing the former prime minister’s faulty aortic valve, his doctors say.</p>';

test('the fingerprint is the headline without its outlet label, and the first words of the lead, in lower case', (t) => {
	const story = storyFingerprint({
		title: 'Berlusconi Undergoes Heart Surgery - The Guardian',
		link: 'https://www.theguardian.com/x?utm_source=a',
		summaryHtml: lead,
		contentHtml: null,
	});
	t.is(story.url, 'theguardian.com/x');
	t.is(story.text.split('\n')[0], 'berlusconi undergoes heart surgery');
	t.true(story.text.split('\n')[1]!.startsWith('surgeons at milan s san raffaele hospital'));
	// A long headline after a dash is the story, not a label.
	t.is(
		storyFingerprint({
			title: 'Euro 2016 – Russia handed suspended disqualification and lash out at England',
			link: null,
			summaryHtml: null,
			contentHtml: null,
		}).text,
		'euro 2016 russia handed suspended disqualification and lash out at england\n',
	);
	// The lead comes from the content when there is no summary, and stops after 25 words.
	const long = storyFingerprint({title: 'T', link: null, summaryHtml: null, contentHtml: `<p>${'word '.repeat(500)}</p>`});
	t.is(long.text.split('\n')[1]!.split(' ').length, 25);
});

test('the same copy under an outlet label, a dateline or a cut lead is the same story', (t) => {
	const original = words('Silvio Berlusconi undergoes heart surgery', lead);
	t.true(storySimilarity(original, words('Silvio Berlusconi undergoes heart surgery - The Guardian', lead.split(',')[0]!)) > 0);
	t.true(storySimilarity(original, words('Silvio Berlusconi undergoes heart surgery', `MILAN (AFP) — ${lead}`)) > 0);
	// The desk rewrote the headline; the agency's lead is word for word the same.
	t.true(storySimilarity(original, words('Berlusconi has heart surgery in Milan', lead)) > 0);
});

test('a follow-up, a recurring title or a lead-less short headline is not', (t) => {
	const original = words('Silvio Berlusconi undergoes heart surgery', lead);
	t.is(
		storySimilarity(
			original,
			words(
				'Silvio Berlusconi recovering well after heart surgery, doctors say',
				'<p>The former Italian prime minister was sitting up and talking on Wednesday morning, a day after the operation, his cardiologist told reporters.</p>',
			),
		),
		0,
	);
	t.is(
		storySimilarity(
			words('Engagements', '<p>CITY: Public library, book reading for children, 10 a.m.; Music academy, violin recital, 6.30 p.m.</p>'),
			words(
				'Engagements',
				'<p>SALEM Periyar University: Department of Mathematics, workshop on advanced algebra, 10 a.m.; college day, 4 p.m.</p>',
			),
		),
		0,
	);
	t.is(storySimilarity(words('Engagements', null), words('Engagements', null)), 0);
	t.is(storySimilarity(words('Two farmers commit suicide', null), words('Two women commit suicide', null)), 0);
	// Long and near-identical headlines with no lead to compare are the same story.
	t.true(
		storySimilarity(
			words('Canadian hostage Robert Hall killed by militants, Philippines confirms', null),
			words('Canadian hostage Robert Hall killed by militants, Philippines confirms', null),
		) > 0,
	);
	// Nothing in common: no score whatever the leads.
	t.is(storySimilarity(words('Pope Francis rejects donation', lead), words('Italian dies in wingsuit accident', lead)), 0);
});

test('a lead its feed gives to several items is no evidence', (t) => {
	const blurb = 'Click to enlarge, and debate the strip below the line. Continue reading this weekly feature about the laws of the game.';
	const a = new StoryWords(
		storyFingerprint({title: 'You are the Umpire: Joe Root', link: null, summaryHtml: blurb, contentHtml: null}).text,
		() => true,
	);
	const b = new StoryWords(
		storyFingerprint({title: 'You are the Umpire: Ben Stokes', link: null, summaryHtml: blurb, contentHtml: null}).text,
		() => true,
	);
	t.is(storySimilarity(a, b), 0);
	t.true(
		storySimilarity(
			new StoryWords(storyFingerprint({title: 'You are the Umpire: Joe Root', link: null, summaryHtml: blurb, contentHtml: null}).text),
			new StoryWords(storyFingerprint({title: 'You are the Umpire: Ben Stokes', link: null, summaryHtml: blurb, contentHtml: null}).text),
		) > 0,
		'the same lead counts when it is not boilerplate',
	);
});
