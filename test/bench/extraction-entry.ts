/** What the extraction benchmark runs, bundled with the same dependency edits as dist/ (see extraction-bench.ts). */
export {extractArticle} from '../../source/articles/extract.js';
export {englishNewsPages, overlapWithExpected, readabilityPageUrl, readNewsPage} from '../helpers/news-pages.js';
export {scoreSnippetCorpus, snippetPages} from '../helpers/snippet-corpus.js';
