// The timeline: one row per event, its fuzzy date drawn as it is known. A moment known to the
// day is a dot; a moment known only to within a range (a month, a year) is a thin bracket over
// the whole range, since it happened once somewhere inside it; a period (it lasted through the
// range) is a solid bar. Curved arrows join an event to the one it responded to or retaliated for.
import { asButton } from './activate.js';
import { fill, h } from './dom.js';
import { dayAfter, extentOf, formatDate, nodeLabel, parseDay, words } from './labels.js';
import { ink, kindStyle, statusStyle } from './palette.js';

const d3 = window.d3;
const rowHeight = 26;
const margin = { top: 8, right: 16, bottom: 26 };

export class TimelineView {
  constructor(container, actions) {
    Object.assign(this, { container, actions, events: [], selectedId: null, transform: d3.zoomIdentity });
    new ResizeObserver(() => this.draw()).observe(container);
  }

  show(events, selectedId) {
    this.events = events.filter((event) => event.date).sort((a, b) => a.date.start.localeCompare(b.date.start) || a.id.localeCompare(b.id));
    this.undated = events.filter((event) => !event.date);
    this.selectedId = selectedId;
    this.transform = d3.zoomIdentity;
    this.draw();
  }

  /** Marks the selected event without moving the view. */
  select(id) {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.draw();
  }

  draw() {
    const width = this.container.clientWidth;
    if (width === 0) return;
    const labelWidth = Math.min(220, Math.max(110, width * 0.3));
    const height = margin.top + margin.bottom + Math.max(1, this.events.length) * rowHeight;
    const svg = d3.create('svg').attr('width', width).attr('height', height).attr('class', 'timeline-svg')
      .attr('role', 'group').attr('aria-label', `Timeline of ${this.events.length} events`);
    const defs = svg.append('defs');
    for (const [status, style] of Object.entries(statusStyle)) {
      defs.append('marker').attr('id', `arrow-${status}`).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
        .attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse')
        .append('path').attr('d', 'M0,0L10,5L0,10z').attr('fill', style.color);
    }
    defs.append('clipPath').attr('id', 'timeline-clip').append('rect')
      .attr('x', labelWidth).attr('y', 0).attr('width', width - labelWidth - margin.right + 8).attr('height', height);
    if (this.events.length === 0) {
      fill(this.container, h('p', { class: 'muted empty' }, 'No dated events here.'), this.undatedNote());
      return;
    }
    const base = this.scale(labelWidth, width - margin.right);
    const y = (index) => margin.top + index * rowHeight + rowHeight / 2;
    const rowOf = new Map(this.events.map((event, index) => [event.id, index]));
    const axis = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`);
    const plot = svg.append('g').attr('clip-path', 'url(#timeline-clip)');
    const rows = svg.append('g');
    this.events.forEach((event, index) => this.drawLabel(rows, event, y(index), labelWidth));
    const drawPlot = () => {
      const x = this.transform.rescaleX(base);
      axis.call(d3.axisBottom(x).ticks(Math.max(2, Math.floor((width - labelWidth) / 90))));
      plot.selectAll('*').remove();
      this.events.forEach((event, index) => this.drawMark(plot, event, x, y(index)));
      this.drawLinks(plot, x, y, rowOf);
    };
    drawPlot();
    const zoom = d3.zoom().scaleExtent([0.5, 400]).translateExtent([[labelWidth - 2000, 0], [width + 2000, height]])
      .filter((event) => event.type !== 'dblclick' && !event.target.closest?.('.timeline-row'))
      .on('zoom', (event) => {
        this.transform = event.transform;
        cancelAnimationFrame(this.pending);
        this.pending = requestAnimationFrame(drawPlot);
      });
    svg.call(zoom).call(zoom.transform, this.transform);
    fill(this.container, svg.node(), this.undatedNote());
  }

  /** Time scale over every event's whole range, padded a little. */
  scale(left, right) {
    const starts = this.events.map((event) => parseDay(event.date.start));
    const ends = this.events.map((event) => dayAfter(event.date.end));
    const [low, high] = [d3.min(starts), d3.max(ends)];
    const pad = Math.max(86400000 * 3, (high - low) * 0.04);
    return d3.scaleUtc().domain([new Date(low - pad), new Date(+high + pad)]).range([left, right]);
  }

  /** The event's title at the left of its row: a button that opens it. */
  drawLabel(rows, event, y, labelWidth) {
    const label = this.describe(event);
    const row = asButton(rows.append('g'), () => this.actions.openNode(event.id))
      .attr('class', `timeline-row${event.id === this.selectedId ? ' selected' : ''}`).attr('data-id', event.id).attr('aria-label', label);
    row.append('title').text(label);
    row.append('rect').attr('class', 'row-hit').attr('x', 0).attr('y', y - rowHeight / 2).attr('width', labelWidth - 6).attr('height', rowHeight);
    row.append('text').attr('x', 4).attr('y', y).attr('dy', '0.35em').attr('fill', ink).attr('class', 'row-label')
      .text(truncate(nodeLabel(event), Math.floor((labelWidth - 10) / 6.2)));
  }

  describe(event) {
    const extent = extentOf(event.date) === 'PERIOD' ? ', lasting through the range'
      : event.date.start === event.date.end ? '' : ', once, somewhere in the range';
    return `${nodeLabel(event)}, ${formatDate(event.date)}${extent}`;
  }

  drawMark(plot, event, x, y) {
    const selected = event.id === this.selectedId;
    const color = kindStyle.EVENT.color;
    const label = this.describe(event);
    const mark = plot.append('g').attr('class', 'timeline-mark').attr('data-id', event.id).attr('aria-hidden', 'true')
      .on('click', () => this.actions.openNode(event.id));
    mark.append('title').text(label);
    const start = x(parseDay(event.date.start));
    const end = Math.max(x(dayAfter(event.date.end)), start + 2);
    const known = event.date.start === event.date.end;
    if (extentOf(event.date) === 'PERIOD') {
      mark.attr('data-shape', 'period').append('rect').attr('x', start).attr('y', y - 6).attr('width', end - start).attr('height', 12)
        .attr('rx', 2).attr('fill', color);
    } else if (known) {
      mark.attr('data-shape', 'moment').append('circle').attr('cx', (start + end) / 2).attr('cy', y).attr('r', 6).attr('fill', color);
    } else {
      mark.attr('data-shape', 'uncertain');
      mark.append('rect').attr('x', start).attr('y', y - 6).attr('width', end - start).attr('height', 12).attr('fill', color).attr('fill-opacity', 0.12);
      mark.append('path').attr('d', `M${start},${y - 6}V${y + 6}M${start},${y}H${end}M${end},${y - 6}V${y + 6}`)
        .attr('stroke', color).attr('stroke-width', 2).attr('fill', 'none');
    }
    if (selected) mark.append('rect').attr('class', 'mark-selected').attr('x', start - 5).attr('y', y - 10).attr('width', end - start + 10).attr('height', 20).attr('rx', 4);
  }

  /** RESPONSE_TO and RETALIATION_FOR arrows, from the earlier event to the one that answered it. */
  drawLinks(plot, x, y, rowOf) {
    const middle = (event) => (x(parseDay(event.date.start)) + x(dayAfter(event.date.end))) / 2;
    for (const event of this.events) {
      for (const relation of [...(event.respondsTo ?? []), ...(event.retaliationFor ?? [])]) {
        const earlier = this.events[rowOf.get(relation.to.id)];
        if (!earlier) continue;
        const [x1, y1, x2, y2] = [middle(earlier), y(rowOf.get(earlier.id)), middle(event), y(rowOf.get(event.id))];
        // Curves bulge toward the side of the plot with more room.
        const [left, right] = x.range();
        const side = (x1 + x2) / 2 > (left + right) / 2 ? -1 : 1;
        const bend = side * Math.max(24, Math.abs(y2 - y1) * 0.6);
        const style = statusStyle[relation.status];
        const terms = [...new Set((relation.claims ?? []).map((claim) => claim.characterization).filter(Boolean))];
        const said = terms.length > 0 ? `; in the sources' words: ${terms.map((term) => `“${term}”`).join(', ')}` : '';
        const label = `${nodeLabel(event)}: ${words(relation.type)} ${nodeLabel(earlier)} (${words(relation.status)}${said})`;
        const link = asButton(plot.append('g'), () => this.actions.openRelation(relation.id))
          .attr('class', 'timeline-link').attr('data-id', relation.id).attr('data-type', relation.type)
          .attr('aria-label', `${label}. Enter shows who says so.`);
        link.append('title').text(label);
        const d = `M${x1},${y1} C${x1 + bend},${y1} ${x2 + bend},${y2} ${x2 + side * 8},${y2}`;
        link.append('path').attr('d', d).attr('class', 'link-hit');
        link.append('path').attr('d', d).attr('fill', 'none').attr('stroke', style.color).attr('stroke-width', 2)
          .attr('stroke-dasharray', relation.type === 'RETALIATION_FOR' ? null : '6 3').attr('marker-end', `url(#arrow-${relation.status})`);
      }
    }
  }

  undatedNote() {
    if (!this.undated?.length) return null;
    return h('p', { class: 'muted' }, `Undated, so not drawn: `, this.undated.map((event, index) => [index ? ', ' : '',
      h('button', { type: 'button', class: 'link', onclick: () => this.actions.openNode(event.id) }, nodeLabel(event))]));
  }
}

function truncate(text, length) {
  return text.length <= length ? text : `${text.slice(0, Math.max(1, length - 1))}…`;
}
