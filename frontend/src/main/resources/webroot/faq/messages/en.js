// The public FAQ page's words in English: a library's questions and answers, for anyone. Keys are used
// as written; a test holds the code and this file together.
export default {
  // faq: the library's public questions and answers
  'faq.count': { one: '{count} question', other: '{count} questions' },
  'faq.documentTitle': 'Questions and answers · {library}',
  'faq.failed': 'The questions could not be loaded: {reason}',
  'faq.found': { one: '{count} question matches “{q}”', other: '{count} questions match “{q}”' },
  'faq.links': 'See also',
  'faq.loading': 'Loading…',
  'faq.noQueue': 'This page shows a library\'s questions and answers; open it from the library\'s website.',
  'faq.none': 'The library has no questions and answers here yet.',
  'faq.noneFound': 'No question matches “{q}”. Try other words, or ask the library in its chat.',
  'faq.problem': 'This page cannot be shown',
  'faq.search': 'Search the questions',
  'faq.searchHint': 'Type a few words; the list changes as you type.',
  'faq.title': 'Questions and answers · {library}',
  'faq.topics': 'Topics: {topics}',
  'faq.unknownQueue': 'There is no such library here. Check the address, or open the page from the library\'s website.',
};
