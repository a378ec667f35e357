// How the explorer names things: node labels, relation types, claim statuses, fuzzy dates.

export const kindOf = (node) => node.__typename.toUpperCase();

export function nodeLabel(node) {
  if (!node) return '';
  return node.name ?? node.title ?? (node.text ? shorten(node.text, 60) : node.id);
}

export function shorten(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/** 'RETALIATION_FOR' reads 'retaliation for'. */
export const words = (value) => (value ?? '').toLowerCase().replaceAll('_', ' ');

/** What each claim status means, in the reader's terms. */
export const statuses = {
  UNCONTESTED: { label: 'Uncontested', meaning: 'at least one statement claims it and none disputes it' },
  DISPUTED: { label: 'Disputed', meaning: 'statements both claim and dispute it' },
  DENIED: { label: 'Denied', meaning: 'only disputed: no statement claims it' },
  UNSOURCED: { label: 'Unsourced', meaning: 'entered without any statement behind it' },
};

const month = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const parseDay = (iso) => new Date(`${iso}T00:00:00Z`);

/** The day after the last day a date can be: ranges are drawn up to there. */
export const dayAfter = (iso) => new Date(parseDay(iso).getTime() + 86400000);

/** A fuzzy date as a reader would say it: '27 Jun 2021', 'June 2021', '1 Apr 2021 – 27 Jun 2021'. */
export function formatDate(date) {
  if (!date) return 'undated';
  const { start, end, precision } = date;
  let said;
  if (start === end) said = day.format(parseDay(start));
  else if (precision === 'MONTH' && sameMonth(start, end)) said = month.format(parseDay(start));
  else if (precision === 'YEAR' && start.slice(0, 4) === end.slice(0, 4) && start.endsWith('-01-01') && end.endsWith('-12-31')) said = start.slice(0, 4);
  else said = `${day.format(parseDay(start))} – ${day.format(parseDay(end))}`;
  // The local time as the source gave it, with its offset: never converted to the reader's zone.
  if (date.at) said += `, ${date.at.slice(11, 16)} ${offsetOf(date.at)}`;
  return said;
}

const offsetOf = (at) => {
  const offset = at.slice(19).replace(/^\.\d+/, '');
  return !offset || offset === 'Z' ? 'UTC' : `UTC${offset}`;
};

function sameMonth(start, end) {
  const last = new Date(Date.UTC(+start.slice(0, 4), +start.slice(5, 7), 0)).getUTCDate();
  return start.slice(0, 7) === end.slice(0, 7) && start.endsWith('-01') && +end.slice(8) === last;
}

/** Whether a date lasted through its range (a period) or happened once inside it (a moment). */
export const extentOf = (date) => date?.extent ?? 'MOMENT';

/** Who made a statement, as the data names them: a speaker, or how an unnamed one was described. */
export function speakerOf(statement) {
  const who = statement.speaker?.name ?? statement.speakerDescription ?? 'an unnamed speaker';
  const forWhom = statement.onBehalfOf && statement.onBehalfOf.id !== statement.speaker?.id ? ` for ${statement.onBehalfOf.name}` : '';
  return who + forWhom;
}
