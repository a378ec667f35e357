// Which events the timeline, map and counts show: every event matching the dates (paged from the
// service), or the events now in the graph. Refreshes when the choice or the graph changes.
import { graphql } from './api.js';
import { fill, h } from './dom.js';
import { EVENTS, EVENTS_BY_ID } from './queries.js';

const pageSize = 100;

export class EventsScope {
  constructor(form, summary, model, views) {
    Object.assign(this, { form, summary, model, views, loaded: [], page: null });
    form.addEventListener('change', () => this.refresh());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.refresh();
    });
    model.addEventListener('change', () => {
      if (this.scope() === 'graph' && this.graphIds().join() !== this.shownIds) this.later();
      else this.views.timeline.select(this.selectedId());
    });
  }

  scope = () => this.form.elements.scope.value;

  selectedId = () => this.model.selection?.id ?? null;

  graphIds = () => this.model.events().map((event) => event.id).sort();

  /** The date filter, as the API's EventFilter; dates left empty are left out. */
  filter() {
    const { from, to } = this.form.elements;
    return { ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) };
  }

  later() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 150);
  }

  async refresh() {
    const inGraph = this.scope() === 'graph';
    for (const input of [this.form.elements.from, this.form.elements.to]) input.disabled = inGraph;
    try {
      if (inGraph) await this.loadGraphEvents();
      else await this.loadMatching(null);
    } catch (error) {
      fill(this.summary, h('span', { class: 'error', role: 'alert' }, `Events failed to load: ${error.message}`));
      return;
    }
    this.show();
  }

  async loadGraphEvents() {
    const ids = this.graphIds();
    this.shownIds = ids.join();
    const loaded = [];
    for (let start = 0; start < ids.length; start += pageSize) {
      const { nodes } = await graphql(EVENTS_BY_ID, { ids: ids.slice(start, start + pageSize) });
      loaded.push(...nodes.filter(Boolean));
    }
    this.loaded = loaded;
    this.page = null;
  }

  async loadMatching(after) {
    const { events } = await graphql(EVENTS, { filter: this.filter(), first: pageSize, after });
    this.loaded = after ? [...this.loaded, ...events.nodes] : events.nodes;
    this.page = events;
  }

  show() {
    const { timeline, map, counts, remember } = this.views;
    remember(this.loaded.flatMap((event) => [...event.respondsTo, ...event.retaliationFor]));
    const total = this.page?.totalCount ?? this.loaded.length;
    const more = this.page?.pageInfo.hasNextPage;
    fill(this.summary,
      this.scope() === 'graph' ? `${total} ${total === 1 ? 'event' : 'events'} in the graph` : `${this.loaded.length} of ${total} events`,
      more ? [' ', h('button', { type: 'button', onclick: () => this.loadMatching(this.page.pageInfo.endCursor).then(() => this.show()) }, 'Show more')] : null);
    timeline.show(this.loaded, this.selectedId());
    map.show(this.loaded);
    counts.show(this.filter());
  }
}
