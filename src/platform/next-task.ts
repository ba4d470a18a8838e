/**
 * Ends the current task, so the browser can paint and handle input before the next step: on a slow
 * phone each step of start-up then stays a short task instead of one long one (Lighthouse counts
 * every task over 50 ms, at 4× this machine's time, as blocking).
 */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    // A message, not setTimeout: browsers hold back timers in a tab opened in the background.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
