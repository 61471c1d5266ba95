// vocab.js (admin): the directory's vocabularies as the public API gives them (GET /api/v1/kinds,
// /api/v1/practice-areas and /api/v1/areas), loaded once after sign-in: a kind or practice area the
// bureau adds appears in every choice, and every code is named in words through label('kind', …),
// label('area', …) (practice areas) and label('place', …) (districts, streets, communities by code).

import { api } from './http.js';
import { setNames } from './i18n.js';
import { KINDS } from './ui.js';

let kinds = null;

export async function loadVocab() {
  if (kinds) return;
  const [k, a, places] = await Promise.all([api.kinds(), api.practiceAreas(), api.areas()]);
  setNames('kind', k);
  setNames('area', a);
  setNames('place', places);
  if (k.length) kinds = k.map((x) => x.code);
}

// kindCodes are the kinds of place, in the directory's order (the five fixed ones until it has answered).
export function kindCodes() {
  return kinds || KINDS;
}

// setKindCodes takes the kinds of place as the admin API lists them (after a kind was added: the public
// list may be cached by the browser for a few minutes).
export function setKindCodes(codes) {
  if (Array.isArray(codes) && codes.length) kinds = codes;
}
