// The parent-page side of the iframe embed: sizes each chart iframe to the height it
// reports. Messages: { type: "mali-idp-chart:height", id, height }. Only messages from
// one of the page's own iframes are used, and only to set that iframe's height.
export function listenForHeights(root = document) {
  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || msg.type !== 'mali-idp-chart:height' || !Number.isFinite(msg.height)) return;
    for (const frame of root.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.max(0, Math.ceil(msg.height))}px`;
    }
  });
}
