// Who says so: a relation's claims, each statement with its speaker, characterization, text,
// date, medium and sources. Disputing statements come first, in their own outlined list.
import { h } from './dom.js';
import { formatDate, nodeLabel, speakerOf, statuses, words } from './labels.js';

export function statusBadge(status) {
  return h('span', { class: `status status-${status.toLowerCase()}`, title: statuses[status].meaning },
    h('span', { class: 'status-line', 'aria-hidden': 'true' }), statuses[status].label);
}

/** Every claim on a relation or fact as { position, characterization, statement }. */
const claimsOf = (target) => target.claims;

export function relationPanel(relation, actions) {
  const end = (node) => h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(node.id) }, nodeLabel(node));
  return claimsPanel('Relation', [end(relation.from), ` ${words(relation.type)} `, end(relation.to)], relation, actions);
}

/** A fact (a claimed attribute of a node) with every claim on it. */
export function factPanel(fact, actions) {
  const subject = h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(fact.subject.id) }, nodeLabel(fact.subject));
  return claimsPanel('Stated fact', [subject, `: ${words(fact.property)} “${fact.value}”`], fact, actions);
}

function claimsPanel(kind, title, target, actions) {
  const claims = claimsOf(target);
  const claiming = claims.filter((claim) => claim.position === 'CLAIMS');
  const disputing = claims.filter((claim) => claim.position === 'DISPUTES');
  return h('section', { class: 'relation', 'aria-labelledby': 'panel-title' },
    h('p', { class: 'panel-kind' }, kind),
    h('h2', { id: 'panel-title', tabindex: '-1' }, title),
    h('p', {}, statusBadge(target.status), ` ${statuses[target.status].meaning}.`),
    disputing.length > 0 && h('p', { class: 'dispute-note', role: 'note' },
      `${disputing.length} ${disputing.length === 1 ? 'statement disputes' : 'statements dispute'} this; ${claiming.length} ${claiming.length === 1 ? 'claims' : 'claim'} it.`),
    claimList('Disputed by', disputing, 'disputes', actions),
    claimList('Claimed by', claiming, 'claims', actions),
    claims.length === 0 && h('p', { class: 'muted' }, 'No statement stands behind this: it was entered without a source.'));
}

function claimList(title, claims, kind, actions) {
  if (claims.length === 0) return null;
  return h('section', { class: `claim-list ${kind}` },
    h('h3', {}, `${title} (${claims.length})`),
    h('ul', {}, claims.map((claim) => h('li', {}, statementCard(claim.statement, actions, claim)))));
}

/** One statement as a card: who, how they put it, what they said, when, through what, reported where. */
export function statementCard(statement, actions, claim) {
  const speaker = statement.speaker
    ? h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(statement.speaker.id) }, speakerOf(statement))
    : speakerOf(statement);
  const source = statement.reportedIn;
  return h('article', { class: `statement ${claim?.position === 'DISPUTES' ? 'disputes' : ''}` },
    h('p', { class: 'speaker' }, h('strong', {}, speaker), statement.anonymous ? ' (unnamed)' : '',
      claim && h('span', { class: 'position' }, claim.position === 'DISPUTES' ? ' disputes it' : ' claims it'),
      claim?.characterization && h('span', { class: 'characterization' }, ` as “${claim.characterization}”`)),
    h('blockquote', {}, statement.text),
    h('dl', {},
      field('Date', formatDate(statement.date) + (statement.date?.text ? ` (“${statement.date.text}”)` : '')),
      field('Stance', words(statement.stance)),
      field('Medium', statement.medium ? words(statement.medium) : null),
      field('Source', source ? sourceText(source) : null),
      'primarySource' in statement ? field('Primary source', statement.primarySource ? sourceText(statement.primarySource) : null) : null),
    h('button', { type: 'button', class: 'link small', onclick: () => actions.openNode(statement.id) }, 'Open statement'));
}

function field(name, value) {
  return [h('dt', {}, name), h('dd', { class: value ? '' : 'muted' }, value ?? 'not given')];
}

function sourceText(source) {
  const parts = [source.title];
  if (source.publisher) parts.push(source.publisher.name);
  if (source.publishedAt) parts.push(formatDate({ start: source.publishedAt, end: source.publishedAt, precision: 'DAY' }));
  return parts.join(', ');
}
