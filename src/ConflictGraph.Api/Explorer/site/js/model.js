// What the explorer has loaded: the nodes and relations in view, how far each node's
// neighbourhood has been paged, and what is selected. Views listen for 'change'.

export class ExplorerModel extends EventTarget {
  nodes = new Map();
  relations = new Map();
  /** nodeId -> { outgoing: side, incoming: side }, a side being { total, shown, cursor, more }. */
  neighbourhoods = new Map();
  /** Ids of relations on the connection paths being shown. */
  pathRelations = new Set();
  selection = null;

  changed(reason) {
    this.dispatchEvent(new CustomEvent('change', { detail: { reason } }));
  }

  addNode(node) {
    const known = this.nodes.get(node.id);
    this.nodes.set(node.id, known ? { ...known, ...node } : node);
  }

  addRelation(relation) {
    this.addNode(relation.from);
    this.addNode(relation.to);
    this.relations.set(relation.id, { ...this.relations.get(relation.id), ...relation });
  }

  /** Records a page of one side of a node's relations ('outgoing' or 'incoming'). */
  addPage(nodeId, side, page) {
    for (const relation of page.nodes) this.addRelation(relation);
    const sides = this.neighbourhoods.get(nodeId) ?? {};
    const shown = (sides[side]?.shown ?? 0) + page.nodes.length;
    sides[side] = { total: page.totalCount, shown, cursor: page.pageInfo.endCursor, more: page.pageInfo.hasNextPage };
    this.neighbourhoods.set(nodeId, sides);
  }

  isExpanded = (nodeId) => this.neighbourhoods.has(nodeId);

  /** How many relations of a node exist beyond those loaded. */
  hidden(nodeId) {
    const sides = this.neighbourhoods.get(nodeId);
    if (!sides) return 0;
    return Object.values(sides).reduce((sum, side) => sum + side.total - side.shown, 0);
  }

  relationsOf(nodeId) {
    return [...this.relations.values()].filter((r) => r.from.id === nodeId || r.to.id === nodeId);
  }

  events() {
    return [...this.nodes.values()].filter((node) => node.__typename === 'Event');
  }

  select(selection) {
    this.selection = selection;
    this.changed('selection');
  }

  clear() {
    this.nodes.clear();
    this.relations.clear();
    this.neighbourhoods.clear();
    this.pathRelations.clear();
    this.selection = null;
    this.changed('clear');
  }
}
