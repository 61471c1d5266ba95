// panel.js: the list-and-detail panel with its map layers, one piece of code for the citizen page
// and the widget. It runs the query (nearest, or keyword search when there is a query), keeps the
// list, the numbered markers and the viewport points in step, and opens the detail of a record.
// The page around it owns the inputs (search box, filters, origin) and hands them in via getQuery.

import { byId } from './dom.js';
import { t } from './i18n.js';
import { api, results, isAbort } from './api.js';
import { validLatLng } from './coords.js';
import { renderList, highlight, markSelected, focusItem } from './list.js';
import { renderDetail, renderLoading, renderError } from './detail.js';
import { ResultsLayer, ViewportLayer } from './layers.js';

const MAX_NEAREST = 50;

export class ResultsPanel {
  // getQuery() -> {q, origin: {lat, lng}, filters: {...API filter params}, limit}
  // onChange() is called when the selection changes (to write the URL).
  constructor(view, { getQuery, onChange = () => {}, onDetailToggle = () => {} }) {
    this.view = view;
    this.getQuery = getQuery;
    this.onChange = onChange;
    this.onDetailToggle = onDetailToggle;
    this.items = [];
    this.total = 0;
    this.selectedId = '';
    this.record = null;
    this.status = { key: '', vars: null };
    this.ol = byId('results');
    this.statusEl = byId('results-status');
    this.moreBtn = byId('more');
    this.retryBtn = byId('retry');
    this.detail = byId('detail');
    this.detailBody = byId('detail-body');
    this.listView = byId('list-view');

    this.layer = new ResultsLayer(view, {
      onSelect: (item) => this.select(item),
      onHover: (id) => highlight(this.ol, id, { scroll: !!id }),
    });
    this.viewport = new ViewportLayer(view, {
      load: api.viewport,
      exclude: () => this.layer.ids(),
      onSelect: (item) => this.select(item),
      params: () => this.getQuery().filters,
    });
    this.moreBtn.addEventListener('click', () => this.run({ append: true }));
    this.retryBtn.addEventListener('click', () => this.run());
    byId('detail-close').addEventListener('click', () => this.closeDetail());
    this.detail.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closeDetail();
    });
  }

  get selected() {
    return this.selectedId;
  }

  setStatus(key, vars) {
    this.status = { key, vars };
    this.statusEl.textContent = key ? t(key, vars) : '';
  }

  // run loads the list: nearest to the origin, or search results ranked with the origin.
  async run({ fit = false, append = false } = {}) {
    const { q, origin, filters, limit = 20 } = this.getQuery();
    if (this.controller) this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.setStatus('results.loading');
    this.ol.setAttribute('aria-busy', 'true');
    this.retryBtn.hidden = true;
    const where = { lat: origin.lat.toFixed(6), lng: origin.lng.toFixed(6) };
    let body;
    let requested = limit;
    try {
      if (q) {
        body = await api.search({ ...filters, ...where, q, limit, offset: append ? this.items.length : 0 }, controller.signal);
      } else {
        requested = append ? Math.min(this.items.length + limit, MAX_NEAREST) : limit;
        body = await api.nearest({ ...filters, ...where, limit: requested }, controller.signal);
      }
    } catch (err) {
      if (isAbort(err)) return;
      this.ol.removeAttribute('aria-busy');
      this.failed = true;
      this.setStatus(err.status === 429 ? 'results.busy' : err.status === 503 ? 'results.unavailable' : 'results.error');
      this.retryBtn.hidden = false;
      return;
    }
    const got = results(body).filter((x) => x && x.id !== undefined && x.id !== null);
    this.items = append && q ? [...this.items, ...got] : got;
    this.total = Number.isFinite(body.total) ? body.total : this.items.length;
    this.q = q;
    this.failed = false;
    this.moreBtn.hidden = q ? this.total <= this.items.length || !got.length
      : this.items.length >= MAX_NEAREST || got.length < requested;
    this.ol.removeAttribute('aria-busy');
    this.draw();
    if (fit) this.fit(q ? null : origin);
  }

  // draw renders the list and the markers from the items held (also on a language switch).
  draw() {
    const { origin } = this.getQuery();
    renderList(this.ol, this.items, {
      origin,
      selectedId: this.selectedId,
      onSelect: (item) => this.select(item),
      onHover: (id) => this.layer.highlight(id),
    });
    this.layer.set(this.items);
    this.viewport.draw();
    if (this.failed) this.setStatus(this.status.key);
    else if (!this.items.length) this.setStatus(this.q ? 'results.emptySearch' : 'results.emptyNearest', { q: this.q });
    else if (this.q) this.setStatus('results.search', { n: this.total, q: this.q });
    else this.setStatus('results.nearest', { n: this.items.length });
    if (this.record) renderDetail(this.detailBody, this.record, { origin, matched: this.recordMatched });
  }

  fit(origin) {
    const pts = this.items.slice(0, origin ? 5 : 10).filter((x) => validLatLng(x.lat, x.lng));
    if (!pts.length) return;
    if (origin && pts.slice(0, 3).every((p) => this.view.contains(p))) return;
    this.view.fitPoints(origin ? [origin, ...pts] : pts);
  }

  // hoursForPrint fetches the hours of the listed records that lack them (the list answers carry
  // open-now only), so that a printed list shows hours rather than "open now". A record that fails to
  // load (or takes over 8 s) prints without hours.
  async hoursForPrint() {
    const todo = this.items.filter((x) => !x.hours);
    const workers = Array.from({ length: Math.min(4, todo.length) }, async () => {
      for (let item = todo.shift(); item; item = todo.shift()) {
        try {
          const rec = await api.provider(String(item.id), AbortSignal.timeout(8000));
          if (rec && rec.hours && typeof rec.hours === 'object') item.hours = rec.hours;
        } catch {
          // printed without hours
        }
      }
    });
    await Promise.all(workers);
    this.draw();
  }

  refreshViewport() {
    this.viewport.refresh();
  }

  // select opens the detail of a record: at once with what the list knows, then in full.
  async select(item, { focus = true, reveal = true } = {}) {
    const id = String(item.id);
    this.selectedId = id;
    this.record = null;
    this.recordMatched = item.matched;
    markSelected(this.ol, id);
    this.layer.select(validLatLng(item.lat, item.lng) ? item : null);
    this.showDetail(true);
    renderLoading(this.detailBody, item);
    this.onChange();
    if (focus) byId('detail-name').focus();
    if (this.detailController) this.detailController.abort();
    const controller = new AbortController();
    this.detailController = controller;
    try {
      const rec = await api.provider(id, controller.signal);
      if (controller.signal.aborted || this.selectedId !== id) return;
      this.record = rec;
      renderDetail(this.detailBody, rec, { origin: this.getQuery().origin, matched: this.recordMatched });
      this.layer.select(rec);
      if (reveal && validLatLng(rec.lat, rec.lng) && !this.view.contains(rec)) this.view.flyTo(rec);
      if (focus) byId('detail-name').focus();
    } catch (err) {
      if (isAbort(err)) return;
      renderError(this.detailBody, item, () => this.select(item, { focus, reveal }));
      if (focus) byId('detail-name').focus();
    }
  }

  closeDetail() {
    const id = this.selectedId;
    if (this.detailController) this.detailController.abort();
    this.selectedId = '';
    this.record = null;
    markSelected(this.ol, '');
    this.layer.select(null);
    this.showDetail(false);
    this.onChange();
    if (!focusItem(this.ol, id)) byId('results-heading').focus();
  }

  showDetail(on) {
    const wasOpen = !this.detail.hidden;
    this.detail.hidden = !on;
    this.listView.hidden = on;
    // The panel scrolls as a whole: a newly opened record starts at its name.
    if (on && !wasOpen) byId('sheet').scrollTop = 0;
    this.onDetailToggle(on);
  }

  // relabel re-words everything after a language switch.
  relabel() {
    this.draw();
  }
}
