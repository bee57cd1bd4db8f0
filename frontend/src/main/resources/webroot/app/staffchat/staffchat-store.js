// Staff chat as this operator has it: the colleagues of the library with their status (kept live by
// presence.<libraryId>), the rooms they are in (the library's staff room, then a direct room per
// colleague they talk with), each room's messages in seq order and once each, the messages still on
// their way, and what is unread. The connector follows every room as it follows a chat, so a
// dropped socket loses nothing and a resent message is stored once.
import { reactive } from 'vue';
import { presence as presenceAddress, operator as operatorAddress } from '/shared/addresses.js';
import { shorten } from '../ui/format.js';
import { t } from '../messages/t.js';

const HISTORY_PAGE = 200;

/** Where a new room goes in the list: the staff room first, then by name, as the server lists them. */
export function roomOrder(a, b) {
  if (a.kind !== b.kind) return a.kind === 'staff' ? -1 : 1;
  return String(a.name).localeCompare(String(b.name)) || a.id - b.id;
}

/** Adds a message to a room's list: in seq order, a seq it already has is ignored. */
export function placeMessage(messages, event) {
  if (!Number.isInteger(event.seq)) return false;
  let at = messages.length;
  while (at > 0 && messages[at - 1].seq > event.seq) at -= 1;
  if (at > 0 && messages[at - 1].seq === event.seq) return false;
  messages.splice(at, 0, event);
  return true;
}

export function createStaffChat({ me, connector, call, isWide, announce, alert }) {
  const state = reactive({
    colleagues: [], rooms: [], loaded: false, error: '', search: { q: '', results: null, error: '', busy: false },
    // The staff-chat panel: whether it is open, the room in it; on a phone the list and the room are
    // separate views (`view`), on a wide screen side by side.
    panel: { open: false, roomId: null, view: 'list' },
  });
  const follows = new Map();
  const offs = [];
  const meId = me.operator.id;

  const mine = (from) => Boolean(from) && from.kind === 'operator' && from.id === meId;
  const roomOf = (roomId) => state.rooms.find((r) => r.id === roomId);
  const isViewing = (roomId) => state.panel.open && state.panel.roomId === roomId
    && (isWide() || state.panel.view === 'room') && !(globalThis.document && globalThis.document.hidden);
  const roomWith = (colleagueId) => state.rooms.find((r) => r.kind === 'direct' && r.colleagueId === colleagueId);

  // ---- colleagues -------------------------------------------------------------------------------

  async function loadColleagues() {
    try {
      const { operators } = await call('/api/presence');
      state.colleagues = operators.filter((o) => o.id !== meId)
        .map((o) => ({ id: o.id, name: o.name, status: o.status }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    } catch (error) {
      state.error = error.message;
    }
  }

  function presenceChanged(event) {
    if (!event || event.type !== 'presence' || event.operatorId === meId) return;
    const known = state.colleagues.find((c) => c.id === event.operatorId);
    if (known) {
      known.status = event.status;
      if (event.name) known.name = event.name;
    } else if (event.name) {
      state.colleagues.push({ id: event.operatorId, name: event.name, status: event.status });
      state.colleagues.sort((a, b) => String(a.name).localeCompare(String(b.name)));
    }
  }

  // ---- rooms ------------------------------------------------------------------------------------

  /**
   * Takes a room of GET /api/internal/rooms. A room known at load has its unread count from the
   * server, and what came before is history; one that appears later (a colleague wrote first) is
   * news from its first message.
   */
  function adopt(summary, { fresh = false } = {}) {
    const existing = roomOf(summary.id);
    if (existing) return existing;
    const room = {
      id: summary.id, kind: summary.kind, name: summary.name, colleagueId: summary.colleagueId ?? null,
      lastSeq: summary.lastSeq, lastReadSeq: summary.lastReadSeq, unread: fresh ? 0 : summary.unread,
      // Messages up to `seenUpTo` were counted by the server, not heard here.
      seenUpTo: fresh ? summary.lastReadSeq : summary.lastSeq,
      messages: [], pending: [], draft: '', history: summary.lastReadSeq === 0 ? 'done' : 'none', error: '',
    };
    state.rooms.push(room);
    state.rooms.sort(roomOrder);
    const added = roomOf(summary.id);
    // Followed from the read mark: what is unread is fetched at once, older history when opened.
    follows.set(added.id, connector.followRoom(added.id, {
      lastSeq: added.lastReadSeq,
      onEvent: (event) => heard(added, event),
      onError: (error) => { added.error = error.message; },
    }));
    return added;
  }

  async function loadRooms({ fresh = false } = {}) {
    try {
      const { rooms } = await call('/api/internal/rooms');
      for (const summary of rooms) adopt(summary, { fresh: fresh && state.loaded });
      state.loaded = true;
    } catch (error) {
      state.error = error.message;
    }
  }

  function heard(room, event) {
    if (!event || event.type !== 'message') return;
    if (!placeMessage(room.messages, event)) return;
    room.lastSeq = Math.max(room.lastSeq, event.seq);
    if (event.clientMsgId) dropPending(room, event.clientMsgId);
    if (mine(event.from) || event.seq <= room.seenUpTo) return;
    const who = event.from ? event.from.name : '';
    announce(t('staffchat.announceMessage', { name: who, room: room.name, text: shorten(event.text) }));
    if (isViewing(room.id)) {
      markRead(room);
      return;
    }
    room.unread += 1;
    alert({ title: t('staffchat.alertMessage', { name: who }), body: shorten(event.text), roomId: room.id });
  }

  /** The messages before the read mark, fetched the first time the room is opened. */
  async function loadHistory(room) {
    if (room.history !== 'none') return;
    room.history = 'loading';
    try {
      let after = 0;
      const until = room.lastReadSeq;
      while (after < until) {
        const page = await call(`/api/internal/rooms/${room.id}/events?after=${after}&limit=${HISTORY_PAGE}`);
        for (const event of page.events) if (event.seq <= until) placeMessage(room.messages, event);
        if (!page.more || page.lastSeq <= after) break;
        after = page.lastSeq;
      }
      room.history = 'done';
    } catch (error) {
      room.history = 'none';
      room.error = error.message;
    }
  }

  /** The room is in front of the operator: everything in it is read, here and on the server. */
  function markRead(room) {
    room.unread = 0;
    const upTo = room.messages.length ? room.messages[room.messages.length - 1].seq : room.lastReadSeq;
    if (upTo <= room.lastReadSeq) return;
    room.lastReadSeq = upTo;
    call(`/api/internal/rooms/${room.id}/read`, { method: 'POST', body: { seq: upTo } }).catch(() => {
      // The mark only moves forward; the next message read sends a later one.
    });
  }

  /** The direct room with a colleague, opened on the server the first time. */
  async function roomFor(colleagueId) {
    const known = roomWith(colleagueId);
    if (known) return known;
    const summary = await call('/api/internal/rooms', { method: 'POST', body: { operatorId: colleagueId } });
    return adopt(summary);
  }

  // A colleague opened a room with this operator (operator.<id>): list it, and hear it from its start.
  function personalNotice(event) {
    if (event && event.type === 'internal-room' && !roomOf(event.roomId)) loadRooms({ fresh: true });
  }

  // ---- the panel --------------------------------------------------------------------------------

  function openPanel() {
    state.panel.open = true;
    seen();
  }

  /** Whatever room is in front of the operator now (the window back in view, a wider screen) is read. */
  function seen() {
    const room = roomOf(state.panel.roomId);
    if (room && isViewing(room.id)) markRead(room);
  }

  function closePanel() {
    state.panel.open = false;
  }

  /** Shows a room: its history is fetched the first time, and what it holds is read. */
  function show(room) {
    state.panel.open = true;
    state.panel.roomId = room.id;
    state.panel.view = 'room';
    loadHistory(room);
    markRead(room);
  }

  /** On a phone, back from a room to the list. */
  function backToList() {
    state.panel.view = 'list';
  }

  /** The direct room with a colleague, opened and shown. */
  async function talkTo(colleagueId) {
    const room = await roomFor(colleagueId);
    show(room);
    return room;
  }

  // ---- sending ----------------------------------------------------------------------------------

  function setDraft(room, text) {
    room.draft = text;
  }

  /** Sends the room's draft; false when there was nothing to send. */
  function send(room) {
    const text = room.draft;
    if (!text.trim()) return false;
    room.draft = '';
    deliver(room, text);
    return true;
  }

  function deliver(room, text) {
    const { clientMsgId, done } = connector.sendRoomMessage(room.id, text);
    room.pending.push({ clientMsgId, text, failed: false, reason: '' });
    done.then(() => dropPending(room, clientMsgId), (error) => {
      const item = room.pending.find((p) => p.clientMsgId === clientMsgId);
      if (!item) return;
      item.failed = true;
      item.reason = error && error.code === 'invalid' ? t('notSent.invalid') : t('notSent.noConnection');
    });
  }

  function retry(room, item) {
    connector.discard(item.clientMsgId);
    dropPending(room, item.clientMsgId);
    deliver(room, item.text);
  }

  function dropPending(room, clientMsgId) {
    const at = room.pending.findIndex((p) => p.clientMsgId === clientMsgId);
    if (at >= 0) room.pending.splice(at, 1);
  }

  // ---- search -----------------------------------------------------------------------------------

  async function search(q) {
    state.search.q = q;
    state.search.error = '';
    if (!q.trim()) {
      state.search.results = null;
      return;
    }
    state.search.busy = true;
    try {
      const answer = await call(`/api/internal/search?q=${encodeURIComponent(q)}`);
      if (state.search.q === q) state.search.results = answer.messages;
    } catch (error) {
      if (state.search.q === q) state.search.error = error.message;
    } finally {
      state.search.busy = false;
    }
  }

  function clearSearch() {
    Object.assign(state.search, { q: '', results: null, error: '', busy: false });
  }

  const unreadTotal = () => state.rooms.reduce((sum, room) => sum + room.unread, 0);

  // ---- life -------------------------------------------------------------------------------------

  function start() {
    offs.push(connector.subscribe(presenceAddress(me.operator.libraryId), presenceChanged));
    offs.push(connector.subscribe(operatorAddress(meId), personalNotice));
    loadColleagues();
    loadRooms();
  }

  /** After a break: presence events are not numbered, so the list is read again; rooms resume by seq. */
  function reload() {
    loadColleagues();
    loadRooms({ fresh: true });
  }

  function stop() {
    for (const off of offs.splice(0)) off();
    for (const off of follows.values()) off();
    follows.clear();
  }

  return {
    state, start, stop, reload, roomOf, roomFor, loadHistory, markRead, setDraft, send, retry, search, clearSearch, unreadTotal,
    openPanel, closePanel, seen, show, backToList, talkTo, isViewing,
  };
}
