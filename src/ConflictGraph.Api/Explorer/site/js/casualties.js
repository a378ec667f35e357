// An event's casualty figures as each source gave them, side by side; conflicting figures stand out.
import { h } from './dom.js';
import { speakerOf } from './labels.js';

/** 'at least 7' for an open bound, '4' or '4–5' otherwise; null when the report gives none. */
function range(min, max) {
  if (min === null && max === null) return null;
  if (max === null) return `at least ${min}`;
  return min === max ? String(min) : `${min ?? 0}–${max}`;
}

export function casualtyTable(casualties, actions) {
  if (!casualties || casualties.reports.length === 0) return null;
  return [
    h('h3', {}, `Casualty figures (${casualties.reports.length} ${casualties.reports.length === 1 ? 'report' : 'reports'})`),
    casualties.conflicting && h('p', { class: 'dispute-note', role: 'note' }, 'These figures conflict: they cannot all be right.'),
    'killedLow' in casualties && casualties.killedLow !== null && h('p', {},
      `Killed, estimated: low ${casualties.killedLow}, best ${casualties.killedBest ?? 'none'}, high ${casualties.killedHigh ?? 'open-ended'}. `,
      h('span', { class: 'muted' }, casualties.bestRule)),
    h('table', { class: 'casualties' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'According to'), h('th', { scope: 'col' }, 'Killed'), h('th', { scope: 'col' }, 'Injured'), h('th', { scope: 'col' }, 'Who'))),
      h('tbody', {}, casualties.reports.map((report) => h('tr', {},
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(report.statement.id) }, speakerOf(report.statement))),
        h('td', {}, range(report.killedMin, report.killedMax) ?? '—'),
        h('td', {}, range(report.injuredMin, report.injuredMax) ?? '—'),
        h('td', {}, report.victims ?? '—'))))),
  ];
}
