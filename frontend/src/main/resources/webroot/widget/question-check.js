// The offline question form's checks before it is sent, the gateway's rules in the same order: the
// e-mail is required here (the answer goes there), the question too, and each of the library's own
// fields as the library set it. Answers the problems in the form's order, first one first, so the
// screen can mark each field and move focus to the first.

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * `values`: `{name, email, question, fields: {label: text}}`; `form`: `{limits, fields:[{label,
 * required, maxChars}]}`. Answers `[{field, key, params}]`, where `field` is `name`, `email`,
 * `question` or `fields.<label>` (the gateway names them the same way) and `key` a catalogue key.
 */
export function questionProblems(values, { limits = {}, fields = [] } = {}) {
  const problems = [];
  const name = (values.name || '').trim();
  const email = (values.email || '').trim();
  const question = (values.question || '').trim();
  if (limits.nameChars && name.length > limits.nameChars) {
    problems.push({ field: 'name', key: 'question.nameTooLong', params: { count: limits.nameChars } });
  }
  if (!email) problems.push({ field: 'email', key: 'question.needEmail' });
  else if (!EMAIL.test(email)) problems.push({ field: 'email', key: 'question.badEmail' });
  if (!question) problems.push({ field: 'question', key: 'question.needQuestion' });
  else if (limits.messageChars && question.length > limits.messageChars) {
    problems.push({ field: 'question', key: 'question.tooLong', params: { count: limits.messageChars } });
  }
  for (const spec of fields) {
    const value = ((values.fields || {})[spec.label] || '').trim();
    const field = `fields.${spec.label}`;
    if (!value && spec.required) problems.push({ field, key: 'question.needField', params: { label: spec.label } });
    else if (value.length > spec.maxChars) problems.push({ field, key: 'question.tooLong', params: { count: spec.maxChars } });
  }
  return problems;
}

/** The gateway's 400 `error.fields` (`{field: sentence}`) in the form's order, as `[{field, text}]`. */
export function serverProblems(errorFields, order) {
  if (!errorFields || typeof errorFields !== 'object') return [];
  const known = order.filter((field) => typeof errorFields[field] === 'string');
  return known.map((field) => ({ field, text: errorFields[field] }));
}
