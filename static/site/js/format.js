// format.js: numbers, dates and phone numbers as people read them, in the page language. Times are
// Shenzhen's (Asia/Shanghai) whatever the visitor's device says, because opening hours are local.

import { t, locale } from './i18n.js';

export const TIME_ZONE = 'Asia/Shanghai';

export function formatDistance(m) {
  if (!Number.isFinite(m) || m < 0) return '';
  if (m < 1000) return t('unit.m', { n: Math.max(10, Math.round(m / 10) * 10) });
  const km = m < 10000 ? (Math.round(m / 100) / 10).toFixed(1) : String(Math.round(m / 1000));
  return t('unit.km', { n: km });
}

// parseDate accepts an ISO date or date-time; a bare date is read as that day in Shenzhen.
export function parseDate(value) {
  if (typeof value !== 'string' || !value) return null;
  const s = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+08:00` : value;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(value) {
  const d = parseDate(value);
  if (!d) return '';
  return new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' }).format(d);
}

export function formatShortDate(value) {
  const d = parseDate(value);
  if (!d) return '';
  return new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, month: 'short', day: 'numeric', weekday: 'short' }).format(d);
}

export function formatTime(d) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

// telHref turns a listed number ("0755-8888 8888", "12348") into a tel: link target, or null when
// the text is not a phone number: only digits, spaces, + - ( ) may stand before an extension, so a note such
// as "0755-88888888 (9:00-17:00)" or stray text is shown but never dialled as a jumble of its digits.
export function telHref(phone) {
  if (typeof phone !== 'string') return null;
  // An extension ("转 8", "ext. 8") is dialled after the call connects, not as part of the number.
  const main = phone.split(/转|分机|ext\.?|#/i)[0].trim();
  if (!/^\+?[\d\s\-()（）]+$/.test(main)) return null;
  const cleaned = main.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  const digits = cleaned.replace(/\D/g, '');
  return digits.length >= 3 && digits.length <= 20 ? `tel:${cleaned}` : null;
}

export function phoneList(value) {
  if (Array.isArray(value)) return value.filter((p) => typeof p === 'string' && p.trim());
  if (typeof value === 'string' && value.trim()) return [value];
  return [];
}
