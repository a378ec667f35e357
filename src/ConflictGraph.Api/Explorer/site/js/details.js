// The side panel for a node: what the graph holds about it, and its relations as a list
// (the keyboard's way through the graph), capped like the graph with "show more".
import { casualtyTable } from './casualties.js';
import { statementCard, statusBadge } from './claims.js';
import { h } from './dom.js';
import { formatDate, kindOf, nodeLabel, words } from './labels.js';

export function nodePanel(node, model, actions) {
  const kind = kindOf(node);
  return h('section', { class: 'node', 'aria-labelledby': 'panel-title' },
    h('p', { class: 'panel-kind' }, words(kind), subKind(node) ? ` · ${words(subKind(node))}` : ''),
    h('h2', { id: 'panel-title', tabindex: '-1' }, nodeLabel(node)),
    node.description && h('p', {}, node.description),
    node.aliases?.length > 0 && h('p', { class: 'muted' }, `Also called ${node.aliases.join(', ')}`),
    facts(node, actions),
    h('div', { class: 'panel-actions' },
      h('button', { type: 'button', onclick: () => actions.connectFrom(node) }, 'How is this connected to…')),
    factList(node, actions),
    casualtyTable(node.casualties, actions),
    kind === 'STATEMENT' && statementParts(node, actions),
    kind === 'SOURCE' && sourceStatements(node, actions),
    relationList(node, model, actions));
}

const subKind = (node) => node.organizationKind ?? node.placeKind ?? node.eventKind;

function facts(node, actions) {
  const rows = [];
  const open = (target) => h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(target.id) }, nodeLabel(target));
  if (node.date) rows.push(['Date', formatDate(node.date) + (node.date.text ? ` (“${node.date.text}”)` : '')]);
  for (const place of node.places ?? []) rows.push(['Place', open(place)]);
  if (node.roles) for (const role of node.roles) rows.push(['Role', [role.title, role.organization ? [', ', open(role.organization)] : null]]);
  if (node.__typename === 'Place') {
    rows.push(['Location', node.location ? `${node.location.latitude.toFixed(3)}, ${node.location.longitude.toFixed(3)}` : 'no coordinates']);
    if (node.location) rows.push(['Precision', node.precision ? words(node.precision) : 'not given']);
    if (node.locationSource) rows.push(['Located by', node.locationSource]);
  }
  if (node.url) rows.push(['Address', node.url]);
  if (node.publisher) rows.push(['Publisher', open(node.publisher)]);
  if (rows.length === 0) return null;
  return h('dl', { class: 'facts' }, rows.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

/** What sources state about the node (facts), each with its status and who says so. */
function factList(node, actions) {
  if (!node.facts?.length) return null;
  return [h('h3', {}, `Stated about it (${node.facts.length})`), h('ul', { class: 'relations' }, node.facts.map((fact) => factItem({ ...fact, subject: node }, false, actions)))];
}

/** One fact as a line: (its subject,) its property and value, its status and who says so. */
export function factItem(fact, withSubject, actions) {
  const subject = withSubject && [h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(fact.subject.id) }, nodeLabel(fact.subject)), ': '];
  return h('li', { class: `relation-item status-${fact.status.toLowerCase()}` },
    h('span', { class: 'relation-text' }, subject, `${words(fact.property)} “${fact.value}”`), ' ', statusBadge(fact.status), ' ',
    h('button', { type: 'button', class: 'who', onclick: () => actions.openFact(fact.subject.id, fact), 'aria-label': `Who says the ${words(fact.property)} of ${nodeLabel(fact.subject)} is ${fact.value}` }, 'Who says so'));
}

function statementParts(statement, actions) {
  const list = (title, relations) => relations.length > 0 && [h('h3', {}, title), h('ul', { class: 'relations' }, relations.map((r) => relationItem(r, null, actions)))];
  const facts = (position) => (statement.positions ?? []).filter((p) => p.fact && p.position === position).map((p) => p.fact);
  const factsList = (title, list) => list.length > 0 && [h('h3', {}, title), h('ul', { class: 'relations' }, list.map((fact) => factItem(fact, true, actions)))];
  return [
    statementCard(statement, actions),
    list('Claims', statement.claims),
    list('Disputes', statement.disputes),
    factsList('Facts it states', facts('CLAIMS')),
    factsList('Facts it disputes', facts('DISPUTES')),
    statement.about.length > 0 && [h('h3', {}, 'About'), h('ul', { class: 'plain' }, statement.about.map((about) =>
      h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(about.id) }, nodeLabel(about)))))],
  ];
}

function sourceStatements(source, actions) {
  const { nodes, totalCount } = source.statements;
  return [h('h3', {}, `Statements it reports (${nodes.length} of ${totalCount})`), h('ul', { class: 'plain' }, nodes.map((statement) =>
    h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(statement.id) }, nodeLabel(statement)))))];
}

function relationList(node, model, actions) {
  const relations = model.relationsOf(node.id).sort((a, b) => a.type.localeCompare(b.type) || otherEnd(a, node).id.localeCompare(otherEnd(b, node).id));
  const hidden = model.hidden(node.id);
  if (!model.isExpanded(node.id) && relations.length === 0) return null;
  return h('section', { class: 'relations-section' },
    h('h3', {}, `Relations (${relations.length}${hidden > 0 ? ` shown of ${relations.length + hidden}` : ''})`),
    relations.length === 0 ? h('p', { class: 'muted' }, 'None.') : h('ul', { class: 'relations' }, relations.map((r) => relationItem(r, node, actions))),
    hidden > 0 && h('button', { type: 'button', class: 'more', onclick: () => actions.showMore(node.id) }, `Show more (${hidden} not shown)`));
}

const otherEnd = (relation, node) => (relation.from.id === node.id ? relation.to : relation.from);

/** One relation as a line: its type, the node at the other end (or both ends), its status and who says so. */
export function relationItem(relation, node, actions) {
  const open = (target) => h('button', { type: 'button', class: 'link', onclick: () => actions.openNode(target.id) }, nodeLabel(target));
  const outgoing = node && relation.from.id === node.id;
  const sentence = !node ? [open(relation.from), ` ${words(relation.type)} `, open(relation.to)]
    : outgoing ? [`${words(relation.type)} `, open(relation.to)] : [open(relation.from), ` ${words(relation.type)} this`];
  return h('li', { class: `relation-item status-${relation.status.toLowerCase()}` },
    h('span', { class: 'relation-text' }, sentence), ' ', statusBadge(relation.status), ' ',
    h('button', { type: 'button', class: 'who', onclick: () => actions.openRelation(relation.id), 'aria-label': `Who says ${nodeLabel(relation.from)} ${words(relation.type)} ${nodeLabel(relation.to)}` }, 'Who says so'));
}
