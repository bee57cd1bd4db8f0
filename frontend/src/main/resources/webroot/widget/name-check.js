// Patrons often type their question into the first box they see, the name. Such a name is told by its
// shape: it ends with "?", it is longer than a name, or it has more words than names have. The gateway
// applies the same rule (WidgetRoutes) and sends its two numbers with the queue description.

/** `limits` is the queue description's `{nameChars, nameWords}`. */
export function looksLikeQuestion(text, { nameChars, nameWords }) {
  const value = String(text || '').trim();
  if (!value) return false;
  return value.endsWith('?') || value.length > nameChars || value.split(/\s+/).length > nameWords;
}
