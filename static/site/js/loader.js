/* loader.js: the one-line way to embed the legal-services map on another site.
 *
 *   <script src="https://MAP-HOST/static/js/loader.js" data-lat="22.54" data-lng="114.05"
 *     data-zoom="14" data-kind="legal_aid,community_adviser" data-lang="zh"
 *     data-label="XX社区党群服务中心" data-width="100%" data-height="auto" async></script>
 *
 * It inserts an <iframe> of /embed right after its own script tag, built from the tag's data-
 * attributes, and with data-height="auto" sizes the frame to the widget's height, which the widget
 * posts. Messages are believed only from that frame, from the map's origin, and in the expected
 * shape. A classic script (not a module) so it runs on any page; it defines no globals. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var data = script.dataset;
  var params = new URLSearchParams();
  var CODE = /^[a-z][a-z0-9_]{0,39}(,[a-z][a-z0-9_]{0,39})*$/;

  function num(v) {
    return v !== undefined && v !== '' && isFinite(Number(v)) ? String(Number(v)) : '';
  }
  if (num(data.lat) && num(data.lng)) {
    params.set('lat', num(data.lat));
    params.set('lng', num(data.lng));
  }
  if (num(data.zoom)) params.set('zoom', num(data.zoom));
  if (data.kind && CODE.test(data.kind)) params.set('kind', data.kind);
  if (data.practiceArea && CODE.test(data.practiceArea)) params.set('practice_area', data.practiceArea);
  if (data.lang === 'en' || data.lang === 'zh') params.set('lang', data.lang);
  if (data.label) params.set('label', data.label.slice(0, 60));
  var auto = !data.height || data.height === 'auto';
  if (auto) params.set('autoheight', '1');

  var width = /^\d{2,4}(px|%)?$/.test(data.width || '') ? data.width : '100%';
  if (/^\d+$/.test(width)) width += 'px';
  var height = /^\d{3,4}$/.test(data.height || '') ? data.height + 'px' : '560px';

  var frame = document.createElement('iframe');
  frame.src = origin + '/embed?' + params.toString();
  frame.title = data.title || (data.lang === 'en' ? 'Legal services map' : '法治地图');
  frame.loading = 'lazy';
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  frame.setAttribute('scrolling', auto ? 'no' : 'auto');
  frame.style.border = '0';
  frame.style.display = 'block';
  frame.style.width = width;
  frame.style.maxWidth = '100%';
  frame.style.height = height;
  script.parentNode.insertBefore(frame, script.nextSibling);

  if (!auto) return;
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    var msg = event.data;
    if (!msg || typeof msg !== 'object' || msg.type !== 'legalmap:height') return;
    var h = msg.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 200 || h > 5000) return;
    frame.style.height = Math.ceil(h) + 'px';
  });
})();
