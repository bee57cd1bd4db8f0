// Which of the library's tags a few typed letters mean, best first: names that start with them, then
// names with a word that starts with them, then names that merely contain them ("loc" is "Local
// history" before "Hours and locations" before "Blocked cards"). Pure, so Node tests cover it.

/** The tags not yet `taken` (ids) that match `typed`, best first, at most `limit`; ties keep the list's order. */
export function matchTags(tags, typed, taken = new Set(), limit = 8) {
  const q = typed.trim().toLowerCase();
  const ranked = [];
  tags.forEach((tag, index) => {
    if (taken.has(tag.id)) return;
    const rank = rankOf(tag.name.toLowerCase(), q);
    if (rank !== null) ranked.push({ tag, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((r) => r.tag);
}

function rankOf(name, q) {
  if (!q || name.startsWith(q)) return 0;
  if (name.split(/[\s\-/&,.()]+/).some((word) => word.startsWith(q))) return 1;
  return name.includes(q) ? 2 : null;
}
