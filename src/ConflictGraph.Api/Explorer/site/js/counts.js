// Counts of the events in view per month, from the service's eventAggregate query. A service
// without that query gets the slot with a note instead of a chart computed here: counting
// belongs to the service, which knows how not to count the same dead twice.
import { graphql } from './api.js';
import { fill, h } from './dom.js';
import { kindStyle } from './palette.js';

const d3 = window.d3;

const AGGREGATE = `query ExplorerCounts($filter: EventFilter) {
  eventAggregate(filter: $filter, groupBy: [TIME], bucket: MONTH) {
    total { events killedLow killedBest killedHigh disputedEvents }
    groups { keys { value label } events impreciseEvents disputedEvents }
  }
}`;

export class CountsView {
  constructor(container, capabilities) {
    Object.assign(this, { container, capabilities });
  }

  async show(filter) {
    if (!(await this.capabilities).has('eventAggregate')) {
      fill(this.container, h('p', { class: 'note', role: 'note' },
        'Counts need the service’s eventAggregate query, which this service does not offer yet.'));
      return;
    }
    try {
      const { eventAggregate } = await graphql(AGGREGATE, { filter });
      this.draw(eventAggregate);
    } catch (error) {
      fill(this.container, h('p', { class: 'error', role: 'alert' }, `Counts failed: ${error.message}`));
    }
  }

  draw({ total, groups }) {
    const months = [...groups].sort((a, b) => a.keys[0].value.localeCompare(b.keys[0].value));
    const width = Math.max(200, this.container.clientWidth);
    const height = 150;
    const x = d3.scaleBand(months.map((group) => group.keys[0].value), [32, width - 8]).padding(0.2);
    const y = d3.scaleLinear([0, d3.max(months, (group) => group.events) ?? 1], [height - 24, 8]).nice();
    const svg = d3.create('svg').attr('width', width).attr('height', height).attr('role', 'img')
      .attr('aria-label', months.map((group) => `${group.keys[0].label}: ${group.events} events`).join('; '));
    svg.append('g').attr('transform', `translate(32,0)`).call(d3.axisLeft(y).ticks(4, 'd'));
    svg.append('g').attr('transform', `translate(0,${height - 24})`).call(d3.axisBottom(x).tickFormat((value) => value.slice(0, 7)))
      .selectAll('text').attr('font-size', 9);
    svg.append('g').selectAll('rect').data(months).join('rect').attr('fill', kindStyle.EVENT.color)
      .attr('x', (group) => x(group.keys[0].value)).attr('width', x.bandwidth())
      .attr('y', (group) => y(group.events)).attr('height', (group) => y(0) - y(group.events))
      .append('title').text((group) => `${group.keys[0].label}: ${group.events} events (${group.impreciseEvents} dated more loosely than the month), ${group.disputedEvents} with a disputed claim`);
    const killed = total.killedLow === null ? 'no casualty figures'
      : `killed: low ${total.killedLow}, best ${total.killedBest ?? '?'}, high ${total.killedHigh ?? 'open-ended'}`;
    fill(this.container, h('p', {}, `${total.events} events, ${total.disputedEvents} with a disputed claim; ${killed}.`), svg.node());
  }
}
