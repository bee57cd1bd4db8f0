// What only a chat needs, loaded when one starts or resumes: SockJS, the event-bus client, the connector
// and the conversation screen are most of the widget's weight, and most opens of the widget never get
// that far (nobody online, a look at the form, a closed panel).
import { t } from './messages/t.js';

const BUS_SCRIPTS = ['/webjars/sockjs-client/dist/sockjs.min.js', '/shared/vendor/vertx-eventbus.js'];

let loading = null;

// Classic scripts that set globals (the event-bus client needs SockJS's): inserted with async off,
// they download side by side and run in order.
function script(src) {
  return new Promise((resolve, reject) => {
    const node = document.createElement('script');
    node.src = src;
    node.async = false;
    node.onload = resolve;
    node.onerror = () => {
      node.remove();
      reject(new Error(t('problem.notLoaded')));
    };
    document.head.append(node);
  });
}

/** The conversation screen's module, with the bus client ready for it; a failed load may be tried again. */
export function loadChat() {
  if (!loading) {
    loading = Promise.all([...BUS_SCRIPTS.map(script), import('./chat.js')])
      .then((loaded) => loaded[loaded.length - 1])
      .catch((error) => {
        loading = null;
        throw error;
      });
  }
  return loading;
}
