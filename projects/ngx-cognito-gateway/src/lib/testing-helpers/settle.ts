/**
 * One turn of the event loop, so that every promise settles and a request waiting for its token
 * (or a refresh) reaches the backend: a MessageChannel message, which jasmine's mock clock leaves
 * alone, so no time passes on it.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
