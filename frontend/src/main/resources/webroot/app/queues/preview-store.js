// A waiting chat seen before claiming it: what the patron has written so far and, live, what they are
// typing now (the gateway relays the patron's draft to operators only), so the operator can pick the
// chat they can answer and start looking things up before they claim it. Once someone has claimed it
// the conversation is theirs: the preview says who has it and shows nothing more of it, only its end.
// Who claimed it and that it ended are told to the queues store, which owns those facts.
import { reactive } from 'vue';

const TYPING_STALE_MS = 8000;

export function createPreview({ connector, loadDetails, queues }) {
  // `current`: the chat being previewed, or null.
  const state = reactive({ current: null });
  let off = null;
  let stale = null;

  function show(chatId) {
    if (state.current && state.current.chatId === chatId) return;
    hide();
    state.current = { chatId, messages: [], typing: false, draft: '', claimed: false };
    const preview = state.current;
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
      queues.noteHolder(event.chatId, event.operator);
      preview.claimed = true;
      clearTimeout(stale);
      preview.typing = false;
      preview.draft = '';
      loadDetails(event.chatId);
    } else if (event.type === 'ended') {
      queues.markGone(event.chatId, 'ended');
      loadDetails(event.chatId);
    }
  }

  function hide() {
    clearTimeout(stale);
    if (off) off();
    off = null;
    state.current = null;
  }

  return { state, show, hide };
}
