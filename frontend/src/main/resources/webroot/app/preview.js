// A waiting chat seen before claiming it: what the patron has written so far and, live, what they are
// typing now (the gateway relays the patron's draft to operators only), so the operator can pick the
// chat they can answer and start looking things up before they claim it. Once someone has claimed it
// the conversation is theirs: the preview says who has it and shows nothing more of it, only its end.
const TYPING_STALE_MS = 8000;

export function createPreview({ state, connector, loadDetails }) {
  let off = null;
  let stale = null;

  function show(chatId) {
    if (state.preview && state.preview.chatId === chatId) return;
    hide();
    state.preview = { chatId, messages: [], typing: false, draft: '', claimed: false };
    const preview = state.preview;
    off = connector.followChat(chatId, { onEvent: (event) => heard(preview, event) });
    loadDetails(chatId);
  }

  function heard(preview, event) {
    if (preview.claimed && event.type !== 'ended') return;
    if (event.type === 'typing') {
      if (!event.from || event.from.kind !== 'patron') return;
      clearTimeout(stale);
      preview.typing = Boolean(event.typing);
      preview.draft = event.typing ? event.preview || '' : '';
      if (preview.typing) stale = setTimeout(() => { preview.typing = false; preview.draft = ''; }, TYPING_STALE_MS);
    } else if (event.type === 'message' && event.seq > 1) {
      // Event 1 is the question, shown on its own above.
      preview.messages.push(event);
      preview.typing = false;
      preview.draft = '';
    } else if (event.type === 'claimed' && event.operator) {
      state.claimedBy[event.chatId] = event.operator;
      preview.claimed = true;
      clearTimeout(stale);
      preview.typing = false;
      preview.draft = '';
      loadDetails(event.chatId);
    } else if (event.type === 'ended') {
      state.gone[event.chatId] = 'ended';
      loadDetails(event.chatId);
    }
  }

  function hide() {
    clearTimeout(stale);
    if (off) off();
    off = null;
    state.preview = null;
  }

  return { show, hide };
}
