// The neighbourhood graph (cytoscape with the fCoSE layout): nodes and relations in the model,
// expandable by clicking, edges styled by claim status, and a "+N more" node where a
// neighbourhood has more relations than were loaded.
import { graphStyle } from './graph-style.js';
import { kindOf, nodeLabel, words } from './labels.js';

const cytoscape = window.cytoscape;
cytoscape.use(window.cytoscapeFcose);

/**
 * One layout for every graph size. A fresh layout starts from a spectral placement (draft
 * quality alone for large graphs, to stay under a second); growing a graph refines the
 * positions it has ("proof" quality, as fCoSE requires without randomizing), so nodes already
 * seen stay near where they were.
 */
export function layoutOptions(nodeCount, randomize) {
  const large = nodeCount > 150;
  return {
    name: 'fcose', quality: randomize ? (large ? 'draft' : 'default') : 'proof', randomize, animate: false, fit: true, padding: 24,
    nodeRepulsion: 9000, idealEdgeLength: 110, edgeElasticity: 0.45, numIter: large ? 800 : 2500, packComponents: true,
  };
}

const moreId = (ownerId) => `more:${ownerId}`;

export class GraphView {
  constructor(container, model, actions) {
    this.model = model;
    this.actions = actions;
    this.container = container;
    this.cy = cytoscape({ container, style: graphStyle, minZoom: 0.15, maxZoom: 3, boxSelectionEnabled: false });
    this.cy.on('tap', 'node', (event) => this.activate(event.target.id()));
    // A fit never zooms a small graph in so far that its labels outgrow the panel.
    this.cy.on('layoutstop', () => {
      if (this.cy.zoom() > 1.4) this.cy.zoom(1.4).center();
    });
    this.cy.on('tap', 'edge', (event) => {
      if (event.target.data('kind') !== 'MORE') this.actions.openRelation(event.target.id());
    });
    container.addEventListener('keydown', (event) => this.onKey(event));
    model.addEventListener('change', () => this.render());
  }

  /** A click (or Enter) on a node: a "more" node loads the next page, any other opens it. */
  activate(id) {
    const element = this.cy.getElementById(id);
    if (element.data('kind') === 'MORE') this.actions.showMore(element.data('owner'));
    else this.actions.openNode(id);
  }

  render() {
    const { model, cy } = this;
    const wanted = new Map();
    for (const node of model.nodes.values()) {
      const disputed = (node.facts ?? []).some((fact) => fact.status === 'DISPUTED' || fact.status === 'DENIED');
      wanted.set(node.id, { group: 'nodes', data: { id: node.id, label: nodeLabel(node), kind: kindOf(node), expanded: model.isExpanded(node.id), disputed } });
      const hidden = model.hidden(node.id);
      if (hidden > 0) {
        wanted.set(moreId(node.id), { group: 'nodes', data: { id: moreId(node.id), owner: node.id, kind: 'MORE', label: `+${hidden} more` } });
        wanted.set(`${moreId(node.id)}-edge`, { group: 'edges', data: { id: `${moreId(node.id)}-edge`, source: node.id, target: moreId(node.id), kind: 'MORE' } });
      }
    }
    for (const relation of model.relations.values()) {
      wanted.set(relation.id, {
        group: 'edges',
        data: {
          id: relation.id, source: relation.from.id, target: relation.to.id, label: words(relation.type),
          status: relation.status, onPath: model.pathRelations.has(relation.id),
        },
      });
    }
    let added = 0;
    cy.batch(() => {
      cy.elements().filter((element) => !wanted.has(element.id())).remove();
      for (const [id, element] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) existing.data(element.data);
        else {
          cy.add({ ...element, position: element.group === 'nodes' ? this.startingPoint(element.data) : undefined });
          added += 1;
        }
      }
    });
    if (added > 0) this.layout(false);
    const selected = model.selection?.id;
    cy.elements(':selected').unselect();
    if (selected) cy.getElementById(selected).select();
    this.container.classList.toggle('empty', model.nodes.size === 0);
    this.actions.announce(`${model.nodes.size} nodes and ${model.relations.size} relations in the graph.`);
  }

  /** New nodes start beside a neighbour already placed, so the layout refines rather than reshuffles. */
  startingPoint(data) {
    const ownerId = data.owner ?? this.model.relationsOf(data.id).map((r) => (r.from.id === data.id ? r.to.id : r.from.id))
      .find((id) => this.cy.getElementById(id).nonempty());
    const owner = ownerId ? this.cy.getElementById(ownerId) : null;
    const base = owner?.nonempty() ? owner.position() : { x: 0, y: 0 };
    const angle = Math.random() * 2 * Math.PI;
    return { x: base.x + 60 * Math.cos(angle), y: base.y + 60 * Math.sin(angle) };
  }

  layout(randomize) {
    if (this.cy.nodes().empty()) return;
    this.cy.layout(layoutOptions(this.cy.nodes().length, randomize)).run();
  }

  fit() {
    this.cy.fit(undefined, 24);
    if (this.cy.zoom() > 1.4) this.cy.zoom(1.4).center();
  }

  onKey(event) {
    const nodes = this.cy.nodes().sort((a, b) => a.data('label').localeCompare(b.data('label')));
    if (nodes.empty()) return;
    const current = nodes.filter('.focused');
    const index = current.nonempty() ? nodes.indexOf(current[0]) : -1;
    const focus = (next) => {
      nodes.removeClass('focused');
      const node = nodes[(next + nodes.length) % nodes.length];
      node.addClass('focused');
      this.cy.animate({ center: { eles: node } }, { duration: 150 });
      this.actions.announce(`${node.data('label')} (${words(node.data('kind'))}). Enter opens it.`);
    };
    const keys = {
      ArrowRight: () => focus(index + 1), ArrowDown: () => focus(index + 1),
      ArrowLeft: () => focus(index - 1), ArrowUp: () => focus(index - 1),
      Enter: () => current.nonempty() && this.activate(current.id()),
      '+': () => this.cy.zoom({ level: this.cy.zoom() * 1.25, renderedPosition: this.middle() }),
      '-': () => this.cy.zoom({ level: this.cy.zoom() / 1.25, renderedPosition: this.middle() }),
      0: () => this.fit(),
    };
    if (!keys[event.key]) return;
    event.preventDefault();
    keys[event.key]();
  }

  middle() {
    return { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 };
  }

  /** Where a node is drawn, in page pixels (for tests and for the keyboard focus). */
  pagePosition(id) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return null;
    const box = this.container.getBoundingClientRect();
    const at = node.renderedPosition();
    return { x: box.left + at.x, y: box.top + at.y };
  }
}

/**
 * Lays out a connected graph of `count` nodes, shaped like explorer data (hubs with many
 * neighbours and some cross links), in a container as large as the graph panel, with the page's
 * own style and layout. Returns milliseconds for the layout and for layout plus the first frame.
 */
export async function measureLayout(count, like) {
  const container = document.createElement('div');
  container.style.cssText = `position:fixed;left:0;top:0;width:${like.clientWidth}px;height:${like.clientHeight}px;visibility:hidden`;
  document.body.append(container);
  const elements = [];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const kinds = ['PERSON', 'ORGANIZATION', 'PLACE', 'EVENT'];
  for (let i = 0; i < count; i += 1) {
    elements.push({ data: { id: `n${i}`, label: `Node ${i}`, kind: kinds[i % kinds.length] } });
    if (i > 0) elements.push({ data: { id: `e${i}`, source: `n${Math.floor(random() * Math.min(i, 12 + i / 4))}`, target: `n${i}`, status: 'UNCONTESTED', label: 'part of' } });
  }
  for (let i = 0; i < count / 4; i += 1) {
    const a = Math.floor(random() * count);
    const b = Math.floor(random() * count);
    if (a !== b) elements.push({ data: { id: `x${i}`, source: `n${a}`, target: `n${b}`, status: 'DISPUTED', label: 'used' } });
  }
  const cy = cytoscape({ container, style: graphStyle, elements });
  const started = performance.now();
  const stopped = new Promise((resolve) => cy.one('layoutstop', resolve));
  cy.layout(layoutOptions(count, true)).run();
  await stopped;
  const layoutMs = performance.now() - started;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const withFrameMs = performance.now() - started;
  cy.destroy();
  container.remove();
  return { nodes: count, edges: elements.length - count, layoutMs: Math.round(layoutMs), withFrameMs: Math.round(withFrameMs) };
}
