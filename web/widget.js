/* satstore widget: put
 *   <script src="https://shop.example/widget.js" data-store-url="https://shop.example/"
 *           data-product="prd_…" async></script>
 * on any page. It opens the store in an iframe right after the tag (or inside the element named
 * by data-target). The store runs under its own origin, so its wallet key is never reachable
 * from this page. The store reports `cart_changed` and `order_paid` by postMessage; they are
 * accepted only from the store's origin and that iframe, and re-dispatched on the iframe as
 * bubbling DOM events "satstore:cart_changed" / "satstore:order_paid" (event.detail = data).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var store = new URL(script.getAttribute('data-store-url') || './', script.src);
  var product = script.getAttribute('data-product');
  var src = new URL(store.href);
  src.search = '?embed_origin=' + encodeURIComponent(window.location.origin);
  src.hash = product ? '#/products/' + encodeURIComponent(product) : '#/';

  var frame = document.createElement('iframe');
  frame.src = src.href;
  frame.title = script.getAttribute('data-title') || 'Store';
  frame.setAttribute('allow', 'clipboard-write');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.style.cssText = 'display:block;width:100%;max-width:100%;border:0;border-radius:8px;' +
    'height:' + (script.getAttribute('data-height') || 'min(720px, 85vh)') + ';';

  var target = script.getAttribute('data-target');
  var parent = target ? document.querySelector(target) : null;
  if (parent) parent.appendChild(frame);
  else script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener('message', function (e) {
    if (e.origin !== store.origin || e.source !== frame.contentWindow) return;
    var d = e.data;
    if (!d || d.source !== 'satstore' || (d.type !== 'cart_changed' && d.type !== 'order_paid')) return;
    frame.dispatchEvent(new CustomEvent('satstore:' + d.type, { detail: d.detail, bubbles: true }));
  });
})();
