// The signed-in operator for this browser tab. sessionStorage, so closing the tab signs out and a
// token never outlives the window it was typed into.
import { reactive } from 'vue';

const KEY = 'refdesk.operator.session';

export const session = reactive(load());

function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    if (saved && saved.token) return saved;
  } catch (e) {
    sessionStorage.removeItem(KEY);
  }
  return { token: null, operator: null };
}

export function signIn(token, operator) {
  session.token = token;
  session.operator = operator;
  sessionStorage.setItem(KEY, JSON.stringify({ token, operator }));
}

export function signOut() {
  session.token = null;
  session.operator = null;
  sessionStorage.removeItem(KEY);
}
