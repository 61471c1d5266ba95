// vocab.js (admin): the directory's vocabularies as the public API gives them (GET /api/v1/kinds and
// /api/v1/practice-areas), loaded once after sign-in: a kind or practice area the bureau adds appears in
// every choice, and every code is named in words through label('kind', …) and label('area', …).

import { api } from './http.js';
import { setNames } from './i18n.js';
import { KINDS } from './ui.js';

let kinds = null;

export async function loadVocab() {
  if (kinds) return;
  const [k, a] = await Promise.all([api.kinds(), api.practiceAreas()]);
  setNames('kind', k);
  setNames('area', a);
  if (k.length) kinds = k.map((x) => x.code);
}

// kindCodes are the kinds of place, in the directory's order (the five fixed ones until it has answered).
export function kindCodes() {
  return kinds || KINDS;
}
