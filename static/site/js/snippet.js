// snippet.js: the code the embed builder hands out: the /embed query, an <iframe> snippet and the
// equivalent <script> loader snippet. Values are URL-encoded in the src and HTML-escaped in every
// attribute, so a label such as  "><script>  stays a label.

import { tIn } from './i18n.js';

const fix = (x) => x.toFixed(5);

// escapeAttr makes a value safe inside a double-quoted HTML attribute of the snippet text.
export function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedQuery(s) {
  const q = new URLSearchParams({ lat: fix(s.origin.lat), lng: fix(s.origin.lng), zoom: String(s.zoom) });
  if (s.kinds.length) q.set('kind', s.kinds.join(','));
  if (s.area) q.set('practice_area', s.area);
  q.set('lang', s.lang);
  if (s.label) q.set('label', s.label);
  return q;
}

// frameTitle is the frame's accessible name in the widget's language, naming the place in plain
// words: in the src the label is percent-encoded and unreadable to whoever pastes the snippet.
export function frameTitle(s) {
  if (!s.label) return tIn(s.lang, 'embed.frameTitle');
  return tIn(s.lang, 'embed.frameTitleAt').replace('{place}', () => s.label); // a function: $ in a label is text
}

export function iframeSnippet(origin, s) {
  const width = s.width === '100%' ? '100%' : s.width;
  return `<iframe title="${escapeAttr(frameTitle(s))}"\n  src="${escapeAttr(`${origin}/embed?${embedQuery(s)}`)}"`
    + ` width="${escapeAttr(width)}" height="${s.height}" style="border:0;max-width:100%" loading="lazy"`
    + ' referrerpolicy="strict-origin-when-cross-origin"></iframe>';
}

export function scriptSnippet(origin, s) {
  const attrs = [
    `src="${escapeAttr(`${origin}/static/js/loader.js`)}"`,
    `data-lat="${fix(s.origin.lat)}"`,
    `data-lng="${fix(s.origin.lng)}"`,
    `data-zoom="${s.zoom}"`,
    s.kinds.length ? `data-kind="${escapeAttr(s.kinds.join(','))}"` : '',
    s.area ? `data-practice-area="${escapeAttr(s.area)}"` : '',
    `data-lang="${s.lang}"`,
    s.label ? `data-label="${escapeAttr(s.label)}"` : '',
    `data-width="${escapeAttr(s.width)}"`,
    `data-height="${s.auto ? 'auto' : s.height}"`,
    `data-title="${escapeAttr(frameTitle(s))}"`,
    'async',
  ].filter(Boolean);
  return `<script ${attrs.join('\n  ')}></script>`;
}
