// The map: events at their places' coordinates over an offline world outline (Natural Earth via
// world-atlas). Circle size is how precisely the place is known (larger is vaguer); markers that
// crowd each other merge into numbered clusters; places without coordinates are listed below.
import { asButton } from './activate.js';
import { cluster } from './cluster.js';
import { fill, h } from './dom.js';
import { nodeLabel, words } from './labels.js';
import { ink, kindStyle } from './palette.js';

const d3 = window.d3;
const topojson = window.topojson;

/** Screen radius per location precision (after UCDP's where_prec): vaguer places draw larger. */
export const precisionRadius = { EXACT: 5, NEAR: 7, ADMIN2: 9, ADMIN1: 12, REGION: 15, COUNTRY: 19 };
const unknownRadius = 8;

/** Every place an event occurred in. */
export const placesOf = (event) => event.places ?? [];

let world;
const loadWorld = () => (world ??= fetch('vendor/world-atlas/countries-50m.json').then((response) => response.json())
  .then((topology) => topojson.feature(topology, topology.objects.countries)));

export class MapView {
  constructor(container, unplaced, actions) {
    Object.assign(this, { container, unplaced, actions, sites: [], transform: d3.zoomIdentity });
    new ResizeObserver(() => this.draw()).observe(container);
  }

  async show(events) {
    const sites = new Map();
    const missing = new Map();
    for (const event of events) {
      const places = placesOf(event);
      if (places.length === 0) missing.set(`none:${event.id}`, { place: null, events: [event] });
      for (const place of places) {
        const target = place.location ? sites : missing;
        const entry = target.get(place.id) ?? { place, events: [] };
        entry.events.push(event);
        target.set(place.id, entry);
      }
    }
    this.sites = [...sites.values()];
    this.missing = [...missing.values()];
    this.transform = d3.zoomIdentity;
    this.outline = await loadWorld();
    this.draw();
    this.listMissing();
  }

  draw() {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (!this.outline || width === 0 || height === 0) return;
    const projection = this.projection(width, height);
    const path = d3.geoPath(projection);
    const svg = d3.create('svg').attr('width', width).attr('height', height).attr('class', 'map-svg')
      .attr('role', 'group').attr('aria-label', `Map of ${this.sites.length} places with events`);
    const layer = svg.append('g');
    layer.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
    layer.append('g').selectAll('path').data(this.outline.features).join('path').attr('class', 'country').attr('d', path)
      .append('title').text((feature) => feature.properties.name);
    const markers = svg.append('g').attr('class', 'markers');
    const drawMarkers = () => {
      layer.attr('transform', this.transform).attr('stroke-width', 1 / this.transform.k);
      const points = this.sites.map((site) => {
        const [x, y] = this.transform.apply(projection([site.place.location.longitude, site.place.location.latitude]));
        return { x, y, weight: site.events.length, site };
      });
      markers.selectAll('*').remove();
      for (const group of cluster(points, 22)) this.drawMarker(markers, group, svg, zoom, width, height);
    };
    const zoom = d3.zoom().scaleExtent([1, 64]).on('zoom', (event) => {
      this.transform = event.transform;
      drawMarkers();
    });
    svg.call(zoom).call(zoom.transform, this.transform);
    fill(this.container, svg.node());
  }

  /** Fits the places with events (or the whole world when there are none), never closer than about a country. */
  projection(width, height) {
    const projection = d3.geoMercator();
    if (this.sites.length === 0) return projection.fitExtent([[8, 8], [width - 8, height - 8]], { type: 'Sphere' });
    const [lonMin, lonMax] = d3.extent(this.sites, (site) => site.place.location.longitude);
    const [latMin, latMax] = d3.extent(this.sites, (site) => site.place.location.latitude);
    const span = Math.max(8, lonMax - lonMin, latMax - latMin) / 2 + 2;
    const [lon, lat] = [(lonMin + lonMax) / 2, (latMin + latMax) / 2];
    const box = { type: 'MultiPoint', coordinates: [[lon - span, lat - span], [lon + span, lat + span]] };
    return projection.fitExtent([[24, 24], [width - 24, height - 24]], box);
  }

  drawMarker(markers, group, svg, zoom, width, height) {
    const single = group.members.length === 1 ? group.members[0].site : null;
    const events = group.members.flatMap((member) => member.site.events);
    const label = single
      ? `${nodeLabel(single.place)}: ${events.map(nodeLabel).join('; ')} (${single.place.precision ? `located to ${words(single.place.precision)}` : 'precision not given'})`
      : `${group.members.length} places with ${events.length} events: ${group.members.map((member) => nodeLabel(member.site.place)).join(', ')}. Enter zooms in.`;
    const activate = () => {
      if (single) this.actions.openNode(events.length === 1 ? events[0].id : single.place.id);
      else this.zoomTo(group, svg, zoom, width, height);
    };
    const marker = asButton(markers.append('g'), activate).attr('class', single ? 'map-marker' : 'map-cluster')
      .attr('data-events', events.map((event) => event.id).join(' ')).attr('aria-label', label);
    marker.append('title').text(label);
    if (single) {
      const precision = single.place.precision;
      marker.append('circle').attr('cx', group.x).attr('cy', group.y).attr('r', precisionRadius[precision] ?? unknownRadius)
        .attr('fill', kindStyle.EVENT.color).attr('fill-opacity', 0.35).attr('stroke', kindStyle.EVENT.color).attr('stroke-width', 2)
        .attr('stroke-dasharray', precision ? null : '3 2');
      marker.append('circle').attr('cx', group.x).attr('cy', group.y).attr('r', 2.5).attr('fill', ink);
    } else {
      marker.append('circle').attr('cx', group.x).attr('cy', group.y).attr('r', 11 + Math.sqrt(events.length) * 2)
        .attr('fill', '#ffffff').attr('stroke', kindStyle.EVENT.color).attr('stroke-width', 3);
      marker.append('text').attr('x', group.x).attr('y', group.y).attr('dy', '0.35em').attr('text-anchor', 'middle')
        .attr('fill', ink).attr('font-weight', 'bold').text(events.length);
    }
  }

  zoomTo(group, svg, zoom, width, height) {
    const xs = group.members.map((member) => this.transform.invertX(member.x));
    const ys = group.members.map((member) => this.transform.invertY(member.y));
    const [x0, x1, y0, y1] = [d3.min(xs), d3.max(xs), d3.min(ys), d3.max(ys)];
    const k = Math.min(64, 0.6 / Math.max((x1 - x0 + 1) / width, (y1 - y0 + 1) / height));
    svg.transition().duration(300).call(zoom.transform, d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2));
  }

  /** Events whose places have no coordinates, and events with no place, named rather than dropped. */
  listMissing() {
    if (this.missing.length === 0) return fill(this.unplaced);
    const open = (node) => h('button', { type: 'button', class: 'link', onclick: () => this.actions.openNode(node.id) }, nodeLabel(node));
    fill(this.unplaced,
      h('h3', {}, `Not on the map (${this.missing.length})`),
      h('ul', { class: 'plain' }, this.missing.map(({ place, events }) => h('li', {},
        place ? [open(place), ' (no coordinates): '] : 'No place given: ',
        events.map((event, index) => [index ? '; ' : '', open(event)])))));
  }
}
