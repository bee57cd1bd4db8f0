// The reply page's words in English: the page a patron opens from a library's e-mail to read the
// answer and write back. Keys are used as written; a test holds the code and this file together.
export default {
  // reply: the patron's page for a ticket (patron mail)
  'reply.answer': 'Your answer',
  'reply.answerHint': 'The library will see it with your question and answer by e-mail.',
  'reply.at': '{who}, {when}',
  'reply.documentTitle': '{subject} · {library}',
  'reply.empty': 'Please write your answer first.',
  'reply.expired': 'This link has expired. Links in our e-mails work for 30 days; please ask your question again in the library\'s chat.',
  'reply.failed': 'Your answer could not be sent: {reason}',
  'reply.invalid': 'This link is not valid. Open it again from the e-mail, without changing it.',
  'reply.library': 'The library',
  'reply.loading': 'Loading…',
  'reply.noLink': 'This page opens from the link in an e-mail from the library.',
  'reply.notFound': 'The question this link was for is no longer here.',
  'reply.problem': 'This page cannot be shown',
  'reply.send': 'Send answer',
  'reply.sending': 'Sending…',
  'reply.sent': 'Thank you — your answer is with the library',
  'reply.sentWhat': 'They will answer by e-mail.',
  'reply.thread': 'Messages about your question',
  'reply.title': 'Your question to {library}',
  'reply.tooLong': 'Please keep your answer to {count} characters.',
  'reply.you': 'You',
};
