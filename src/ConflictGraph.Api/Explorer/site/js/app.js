// The explorer: wires search, graph, side panel, timeline, map and counts to one model, and
// keeps the address bar shareable (/explore/node/{id}, ?to={id} for connections).
import { ApiError, graphql, readKey } from './api.js';
import { factPanel, relationPanel } from './claims.js';
import { connectPanel, pathsPanel } from './connect.js';
import { CountsView } from './counts.js';
import { factItem, nodePanel, relationItem } from './details.js';
import { fill, h } from './dom.js';
import { EventsScope } from './events-scope.js';
import { GraphView, measureLayout } from './graph.js';
import { MapView } from './map.js';
import { ExplorerModel } from './model.js';
import * as queries from './queries.js';
import { SearchBox } from './search.js';
import { TimelineView } from './timeline.js';

/** Relations loaded per side of a node at a time: large neighbourhoods come in steps ("show more"). */
const pageSize = 25;
/** How deep a connection is searched: the service's default deepest (MaxPathDepth), as real chains run to five or six steps. */
const pathDepth = 6;
const byId = (id) => document.getElementById(id);

const model = new ExplorerModel();
const relationIndex = new Map();
const panel = byId('details');
const capabilities = graphql(queries.CAPABILITIES).then((data) => new Set(data.__type.fields.map((field) => field.name))).catch(() => new Set());

const actions = {
  openNode: (id) => navigate(nodeUrl(id)),
  openRelation: (id) => run(() => showRelation(id)),
  openFact: (subjectId, fact) => run(() => showFact(subjectId, fact)),
  showMore: (id) => run(() => showMore(id)),
  connectFrom: (node) => showPanel(connectPanel(node, actions), false),
  connect: (from, to) => navigate(`${nodeUrl(from)}?to=${encodeURIComponent(to)}`),
  announce: (text) => { byId('status').textContent = text; },
};

const graph = new GraphView(byId('graph'), model, actions);
const timeline = new TimelineView(byId('timeline'), actions);
const map = new MapView(byId('map'), byId('map-unplaced'), actions);
const counts = new CountsView(byId('counts'), capabilities);
const events = new EventsScope(byId('events-scope'), byId('events-summary'), model, { timeline, map, counts, remember });

new SearchBox(byId('search-input'), byId('search-results'), (node) => actions.openNode(node.id));
byId('fit').addEventListener('click', () => graph.fit());
byId('clear').addEventListener('click', () => {
  model.clear();
  documents.clear();
  navigate(new URL('.', document.baseURI).pathname);
});
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && !event.target.closest('input, textarea, select')) {
    event.preventDefault();
    byId('search-input').focus();
  }
});
window.addEventListener('popstate', () => route());

function nodeUrl(id) {
  return new URL(`node/${encodeURIComponent(id).replaceAll('%3A', ':')}`, document.baseURI).pathname;
}

function navigate(url) {
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  return route();
}

/** Shows what the address names: a node, a connection between two nodes, or the start page. */
function route() {
  const base = new URL('.', document.baseURI).pathname;
  const rest = location.pathname.startsWith(`${base}node/`) ? decodeURIComponent(location.pathname.slice(base.length + 5)) : null;
  const to = new URLSearchParams(location.search).get('to');
  if (!rest) return run(showHome);
  return run(() => (to ? showPaths(rest, to) : showNode(rest)));
}

async function run(step) {
  byId('explorer').setAttribute('aria-busy', 'true');
  try {
    await step();
  } catch (error) {
    showError(error);
  } finally {
    byId('explorer').setAttribute('aria-busy', 'false');
  }
}

function showPanel(content, focus = true) {
  fill(panel, content);
  panel.scrollTop = 0;
  if (focus) panel.querySelector('h2')?.focus({ preventScroll: true });
}

function remember(relations) {
  for (const relation of relations) relationIndex.set(relation.id, relation);
}

/** Statements and sources, which the graph does not draw: their panels show them. */
const documents = new Map();

/**
 * Loads a node and the first page of its relations into the graph (once). A statement or a
 * source stays out of the graph; a statement brings the relations it claims or disputes instead.
 */
async function loadNode(id) {
  if (documents.has(id)) return documents.get(id);
  if (model.isExpanded(id) && model.nodes.get(id)?.loaded) return model.nodes.get(id);
  const data = await graphql(queries.NODE, { id, first: pageSize });
  if (!data.node) throw new ApiError(`There is no node with the id “${id}”.`, 'NOT_FOUND');
  if (['Statement', 'Source'].includes(data.node.__typename)) {
    for (const relation of [...(data.node.claims ?? []), ...(data.node.disputes ?? [])]) model.addRelation(relation);
    remember([...(data.node.claims ?? []), ...(data.node.disputes ?? [])]);
    documents.set(id, data.node);
    return data.node;
  }
  model.addNode({ ...data.node, loaded: true });
  model.addPage(id, 'outgoing', data.outgoing);
  model.addPage(id, 'incoming', data.incoming);
  remember([...data.outgoing.nodes, ...data.incoming.nodes]);
  return model.nodes.get(id);
}

async function showNode(id) {
  model.pathRelations.clear();
  const node = await loadNode(id);
  model.select({ kind: 'node', id });
  showPanel(nodePanel(node, model, actions));
  document.title = `${panel.querySelector('h2').textContent} · ConflictGraph explorer`;
}

async function showMore(id) {
  const sides = model.neighbourhoods.get(id) ?? {};
  for (const [side, state] of Object.entries(sides)) {
    if (!state.more) continue;
    const query = side === 'outgoing' ? queries.MORE_OUTGOING : queries.MORE_INCOMING;
    const { page } = await graphql(query, { id, first: pageSize, after: state.cursor });
    model.addPage(id, side, page);
    remember(page.nodes);
  }
  model.changed('more');
  if (model.selection?.kind === 'node' && model.selection.id === id) showPanel(nodePanel(model.nodes.get(id), model, actions), false);
}

async function showRelation(id) {
  const known = relationIndex.get(id) ?? model.relations.get(id);
  if (!known) throw new ApiError(`The relation “${id}” is not loaded.`, 'NOT_FOUND');
  const { relations } = await graphql(queries.CLAIMS, { from: known.from.id, to: known.to.id, type: known.type });
  const relation = relations.nodes[0];
  if (!relation) throw new ApiError(`The relation “${id}” no longer exists.`, 'NOT_FOUND');
  model.addRelation(relation);
  model.select({ kind: 'relation', id });
  showPanel(relationPanel(relation, actions));
}

async function showFact(subjectId, { id, property }) {
  const { facts } = await graphql(queries.FACT_CLAIMS, { subject: subjectId, property });
  const fact = facts.nodes.find((candidate) => candidate.id === id);
  if (!fact) throw new ApiError(`The fact “${id}” no longer exists.`, 'NOT_FOUND');
  model.select({ kind: 'fact', id: subjectId });
  showPanel(factPanel(fact, actions));
}

async function showPaths(from, to) {
  await loadNode(from);
  const data = await graphql(queries.PATHS, { from, to, depth: pathDepth });
  if (!data.target) throw new ApiError(`There is no node with the id “${to}”.`, 'NOT_FOUND');
  model.pathRelations.clear();
  for (const path of data.paths) {
    for (const relation of path.relations) {
      model.addRelation(relation);
      model.pathRelations.add(relation.id);
    }
    remember(path.relations);
  }
  model.select({ kind: 'node', id: from });
  showPanel(pathsPanel(data.source, data.target, data.paths, actions));
}

async function showHome() {
  model.select(null);
  document.title = 'ConflictGraph explorer';
  const { disputes, facts } = await graphql(queries.DISPUTES);
  remember(disputes.nodes);
  const total = disputes.totalCount + facts.totalCount;
  showPanel(h('section', { class: 'home', 'aria-labelledby': 'panel-title' },
    h('h2', { id: 'panel-title', tabindex: '-1' }, 'Explore the graph'),
    h('p', {}, 'Search for a person, group, place or event (press / to start typing). Its relations appear in the graph: click a node to open it and load its neighbours, click a relation to see who claims it and who disputes it.'),
    h('h3', {}, `Disputed claims (${total})`),
    total === 0 ? h('p', { class: 'muted' }, 'None.') : h('ul', { class: 'relations' },
      disputes.nodes.map((r) => relationItem(r, null, actions)), facts.nodes.map((fact) => factItem(fact, true, actions)))), false);
}

function showError(error) {
  const needsKey = error.code === 'UNAUTHENTICATED';
  const key = h('input', { id: 'read-key', type: 'password', autocomplete: 'off' });
  showPanel(h('section', { class: 'error', role: 'alert', 'aria-labelledby': 'panel-title' },
    h('h2', { id: 'panel-title', tabindex: '-1' }, needsKey ? 'This service needs a read key' : 'Something went wrong'),
    h('p', {}, error.message),
    needsKey && h('form', { onsubmit: (event) => {
      event.preventDefault();
      readKey.set(key.value.trim());
      route();
    } }, h('label', { for: 'read-key' }, 'Key'), key, h('button', {}, 'Use key'))));
}

// Hooks for the browser test: the model, the graph, and the layout measurement.
window.explorer = { model, graph, measureLayout: (count) => measureLayout(count, byId('graph')), ready: route().then(() => events.refresh()) };
