// hours.test.js: opening hours worded from the API's open_now and next_change, in Shenzhen time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLang } from '../site/js/i18n.js';
import { shanghaiDay, weekRows, exceptionRows, openState, whenText, spansText, weeklyKnown, scheduleText, printedHours } from '../site/js/hours.js';

// 2026-05-11 is a Monday. 23:30 UTC on Sunday the 10th is already Monday 07:30 in Shenzhen.
const mondayMorning = new Date('2026-05-10T23:30:00Z');

test('the day is Shenzhen\'s, Monday first', () => {
  assert.deepEqual(shanghaiDay(mondayMorning), { day: 0, ymd: '2026-05-11' });
  assert.deepEqual(shanghaiDay(new Date('2026-05-17T03:00:00Z')), { day: 6, ymd: '2026-05-17' });
});

test('week rows mark today and word closed days', () => {
  setLang('zh');
  const span = [{ open: '09:00', close: '12:00' }, { open: '14:00', close: '17:30' }];
  const hours = { weekly: [span, span, span, span, span, [], []] };
  const rows = weekRows(hours, mondayMorning);
  assert.equal(rows.length, 7);
  assert.deepEqual(rows.map((r) => r.today), [true, false, false, false, false, false, false]);
  assert.equal(rows[0].text, '09:00–12:00、14:00–17:30');
  assert.equal(rows[6].text, '休息');
  assert.deepEqual(weekRows({ always_open: true, weekly: hours.weekly }), []);
  assert.deepEqual(weekRows({ weekly: [span] }), [], 'a malformed week is not shown');
  assert.equal(spansText('nonsense'), '休息');
});

test('exceptions from today on, sorted, past ones dropped', () => {
  setLang('en');
  const rows = exceptionRows({ exceptions: [
    { date: '2026-10-01', closed: true, note: 'National Day' },
    { date: '2026-05-01', closed: true },
    { date: '2026-05-11', spans: [{ open: '10:00', close: '12:00' }] },
  ] }, mondayMorning);
  assert.equal(rows.length, 2);
  assert.equal(rows[0].text, '10:00–12:00');
  assert.equal(rows[1].text, 'Closed');
  assert.equal(rows[1].note, 'National Day');
});

test('open state with the next change', () => {
  setLang('zh');
  const now = mondayMorning;
  assert.deepEqual(openState({ open_now: true, next_change: { at: '2026-05-11T17:30:00+08:00', opens: false } }, now),
    { text: '营业中 · 17:30 休息', state: 'open' });
  assert.deepEqual(openState({ open_now: false, next_change: { at: '2026-05-12T09:00:00+08:00', opens: true } }, now),
    { text: '已休息 · 明天 09:00 开门', state: 'closed' });
  assert.equal(openState({ open_now: false, next_change: { at: '2026-05-15T09:00:00+08:00', opens: true } }, now).text, '已休息 · 周五 09:00 开门');
  assert.equal(openState({ open_now: null }, now).state, 'unknown');
  assert.equal(openState({ open_now: true, status: 'temporarily_closed' }, now).text, '暂停服务');
  assert.equal(openState({ open_now: true, next_change: { at: 'garbage', opens: false } }, now).text, '营业中');
  setLang('en');
  assert.equal(whenText('2026-05-12T09:00:00+08:00', now), 'tomorrow 09:00');
  assert.equal(whenText('2026-05-10T09:00:00+08:00', now), '', 'a change in the past is not shown');
  assert.equal(openState({ open_now: true, next_change: { at: '2026-05-01T17:30:00+08:00', opens: false } }, now).text, 'Open now');
});

test('unknown hours are unknown, not closed every day', () => {
  setLang('zh');
  const empty = { weekly: [[], [], [], [], [], [], []] };
  assert.equal(weeklyKnown(empty), false);
  assert.deepEqual(weekRows(empty, mondayMorning), [], 'seven empty days draw no table of 休息');
  assert.equal(printedHours(empty), '营业时间未知');
  assert.equal(printedHours(null), '营业时间未知');
  assert.equal(printedHours({ always_open: true, weekly: empty.weekly }), '24 小时服务');
});

test('a duty schedule in one line: the days it names and its note', () => {
  setLang('zh');
  const wed = [[], [], [{ open: '14:00', close: '17:00' }], [], [], [], []];
  assert.equal(scheduleText({ weekly: wed }), '周三 14:00–17:00');
  assert.equal(scheduleText({ weekly: wed, note: '节假日除外' }), '周三 14:00–17:00；节假日除外');
  assert.equal(scheduleText({ weekly: [[], [], [], [], [], [], []], note: '每周三下午' }), '每周三下午');
  assert.equal(scheduleText({}), '');
  assert.equal(scheduleText('每周三'), '');
  setLang('en');
  assert.equal(printedHours({ weekly: wed }), 'Wednesday 14:00–17:00');
});
