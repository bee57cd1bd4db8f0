// The query string of a search, from the form: only the fields the kind of search knows, only those
// filled in, so an empty filter never reaches the server as "any" spelled some other way.
const FIELDS = {
  chats: ['q', 'from', 'to', 'queue', 'operator', 'tag', 'rating', 'state'],
  tickets: ['q', 'from', 'to', 'queue', 'status', 'assignee'],
};

export function queryFor(kind, form, page = 1) {
  const params = new URLSearchParams();
  for (const name of FIELDS[kind]) {
    const value = form[name] === undefined || form[name] === null ? '' : String(form[name]).trim();
    if (value) params.set(name, value);
  }
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/** A new, empty form. */
export function emptyForm() {
  return { q: '', from: '', to: '', queue: '', operator: '', tag: '', rating: '', state: '', status: '', assignee: '' };
}
