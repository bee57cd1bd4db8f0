// Patrons often type their question into the first box they see, the name. Such a name is told by its
// shape: it ends with "?", it is longer than a name (the gateway keeps 80 characters), or it has
// more words than names have. The gateway applies the same rule (WidgetRoutes).

export const NAME_MAX = 80;
const NAME_MAX_WORDS = 6;

export function looksLikeQuestion(text) {
  const value = String(text || '').trim();
  if (!value) return false;
  return value.endsWith('?') || value.length > NAME_MAX || value.split(/\s+/).length > NAME_MAX_WORDS;
}
