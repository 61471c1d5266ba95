// imports.js (admin): the import flow. Choose a file and its options, read the preview (a dry run:
// the full report, nothing changed), then confirm to apply the same file through the same pipeline
// the command line uses, and read the result. Below, the past runs with their reports.

import { el } from '../dom.js';
import { t, label, when } from './i18n.js';
import { api } from './http.js';
import { table, select, heading, busy, pager, field, showErrors } from './ui.js';
import { reportView, inLanguage } from './report.js';
import { countsText } from './dashboard.js';
import { kindCodes } from './vocab.js';
import { peopleCodes } from './kinds.js';

export async function renderImports(view, { may, params }) {
  view.append(heading(t('imports.title')));
  // The list of past runs is drawn below the form; a preview or an apply adds a run, so it is reloaded.
  let reload = () => {};
  if (may('importer')) view.append(uploadForm(() => reload()));
  const past = el('section', { id: 'import-runs', 'aria-labelledby': 'runs-title' }, el('h3', { id: 'runs-title' }, t('imports.past')));
  view.append(past);
  const detail = el('div', { id: 'run-detail' });
  const list = el('div');
  past.append(list, detail);
  const showRun = async (id) => {
    const run = await api.importRun(id);
    detail.replaceChildren(el('h4', null, t('imports.runTitle', { id: run.id })), runSummary(run), reportView(run.report));
  };
  const load = async (offset) => {
    const answer = await api.imports({ offset, limit: 20 });
    list.replaceChildren(table(null, [t('imports.when'), t('imports.kind'), t('imports.file'), t('imports.actor'), t('imports.status'), t('imports.counts'), ''],
      answer.results.map((r) => {
        const open = el('button', { type: 'button', class: 'btn btn-small' }, t('imports.open'));
        open.addEventListener('click', () => showRun(r.id));
        return [when(r.started_at), label('kind', r.importer), r.file_name || r.source, r.actor, label('run', r.status), countsText(r), open];
      })), pager(answer, load));
  };
  reload = () => load(0).catch(() => {});
  await load(0);
  if (params.get('run')) {
    await showRun(params.get('run'));
    detail.scrollIntoView({ block: 'start' });
  }
}

function uploadForm(refresh) {
  const file = el('input', { id: 'import-file', type: 'file', name: 'file', required: true, accept: '.csv,.xlsx,.geojson,.json,text/csv' });
  // The kind is chosen, never assumed: a list of notaries previewed as law firms is a mistake to catch.
  const kind = select('import-kind', 'kind', [...kindCodes(), ...peopleCodes()], '', t('imports.chooseKind'));
  kind.required = true;
  // The coordinate system is said, never assumed (Amap and Tencent exports are GCJ-02, Baidu's BD-09): blank
  // means the file states its own or has no coordinates, and the server refuses a file that has them.
  const crs = select('import-crs', 'crs', ['wgs84', 'gcj02', 'bd09'], '', t('imports.crsFromFile'));
  const mode = select('import-mode', 'mode', ['upsert', 'snapshot'], 'upsert');
  const source = el('input', { id: 'import-source', type: 'text', maxlength: 100 });
  const preview = el('button', { type: 'submit', class: 'btn btn-primary', id: 'import-preview' }, t('imports.preview'));
  const status = el('p', { id: 'import-status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { id: 'import-result' });
  const form = el('form', { id: 'import-form', class: 'panel import-form', novalidate: true },
    field('import-file', t('imports.file'), file, t('imports.fileHint')),
    field('import-kind', t('imports.kind'), kind),
    field('import-crs', t('imports.crs'), crs),
    field('import-mode', t('imports.mode'), mode),
    field('import-source', t('imports.source'), source),
    el('p', { class: 'field-hint' }, t('imports.modeHint')),
    preview, status);

  const send = (dryRun) => {
    const fd = new FormData();
    fd.append('file', file.files[0]);
    fd.append('kind', kind.value);
    fd.append('crs', crs.value);
    fd.append('mode', mode.value);
    if (source.value.trim()) fd.append('source', source.value.trim());
    fd.append('dry_run', dryRun ? 'true' : 'false');
    return api.upload(fd);
  };
  // A refusal that names a field (kind, crs, file …) is shown next to that field.
  const fieldError = (err) => {
    const rest = showErrors(form, err.field ? { [`import-${err.field}`]: err.message } : {});
    status.textContent = err.field && !rest.length ? '' : err.message;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    result.replaceChildren();
    const missing = {};
    if (!file.files.length) missing['import-file'] = t('imports.chooseFile');
    if (!kind.value) missing['import-kind'] = t('imports.chooseKind');
    showErrors(form, missing);
    if (Object.keys(missing).length) {
      status.textContent = Object.values(missing).join(' ');
      (missing['import-file'] ? file : kind).focus();
      return;
    }
    busy(preview, async () => {
      status.textContent = t('imports.previewing');
      try {
        const rep = await send(true);
        status.textContent = '';
        const confirm = el('button', { type: 'button', class: 'btn btn-primary', id: 'import-confirm' }, t('imports.confirm'));
        const cancel = el('button', { type: 'button', class: 'btn', id: 'import-cancel' }, t('imports.cancel'));
        cancel.addEventListener('click', () => result.replaceChildren());
        confirm.addEventListener('click', () => busy(confirm, async () => {
          status.textContent = t('imports.applying');
          try {
            const done = await send(false);
            status.textContent = '';
            result.replaceChildren(el('h4', { id: 'import-applied' }, t('imports.applied')), runSummary(done), reportView(done));
          } catch (err) {
            fieldError(err);
          } finally {
            refresh();
          }
        }));
        const canApply = rep.status !== 'refused';
        // Refused for want of a coordinate system: the page's answer is its 坐标系 field (the report's
        // reason names the CLI's --crs).
        const cols = rep.columns || {};
        if (!canApply && !rep.crs && (cols.lng || cols.lat || cols.coordinates)) showErrors(form, { 'import-crs': t('imports.crsNeeded') });
        // The decision sits under the figures, before the long lists of the report.
        result.replaceChildren(el('h4', { id: 'import-previewed' }, t('imports.previewTitle')), runSummary(rep),
          el('div', { class: 'button-row' }, canApply ? confirm : null, cancel), reportView(rep));
      } catch (err) {
        fieldError(err);
      } finally {
        refresh();
      }
    });
  });
  return el('section', null, form, result);
}

function runSummary(r) {
  const cells = ['created', 'updated', 'unchanged', 'withdrawn', 'rejected', 'warnings'];
  const kind = r.importer || r.kind;
  const head = [label('run', r.status), kind ? label('kind', kind) : '', r.file_name || r.file || '', inLanguage(r.refusal || '')].filter(Boolean);
  return el('div', { class: 'run-summary' },
    el('p', { class: 'run-head' }, head.join(' · ')),
    table(null, cells.map((c) => t(`count.${c}`)), [cells.map((c) => String(r[c] ?? 0))], { class: 'data-table counts-table' }));
}
