// The admin's FAQ form and the gateway's FAQ, one into the other: topics as a comma-separated line,
// links one per line as "title | address".

export function toForm(faq) {
  return {
    question: faq ? faq.question : '',
    answerMarkdown: faq ? faq.answerMarkdown : '',
    topics: faq ? faq.topics.join(', ') : '',
    visibility: faq ? faq.visibility : 'public',
    language: faq ? faq.language : 'en',
    links: faq ? faq.links.map((link) => `${link.title} | ${link.url}`).join('\n') : '',
    draft: faq ? faq.status === 'draft' : false,
  };
}

export function fromForm(form) {
  const topics = form.topics.split(',').map((topic) => topic.trim()).filter(Boolean);
  const links = form.links.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const bar = line.lastIndexOf('|');
    const title = bar < 0 ? line : line.slice(0, bar).trim();
    const url = bar < 0 ? line : line.slice(bar + 1).trim();
    return { title: title || url, url };
  });
  return {
    question: form.question.trim(),
    answerMarkdown: form.answerMarkdown,
    topics,
    visibility: form.visibility,
    language: form.language,
    links,
  };
}
