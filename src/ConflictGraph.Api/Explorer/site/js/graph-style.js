// The cytoscape stylesheet: node shape and colour by kind, edge colour and line by claim status.
import { background, ink, kindStyle, pathGlow, statusStyle } from './palette.js';

const nodes = Object.entries(kindStyle).map(([kind, style]) => ({
  selector: `node[kind = "${kind}"]`,
  style: { 'background-color': style.color, shape: style.shape },
}));

const edges = Object.entries(statusStyle).map(([status, style]) => ({
  selector: `edge[status = "${status}"]`,
  style: { 'line-color': style.color, 'target-arrow-color': style.color, 'line-style': style.line, width: style.width, color: style.color },
}));

export const graphStyle = [
  {
    selector: 'node',
    style: {
      label: 'data(label)', width: 26, height: 26, color: ink, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4,
      'text-wrap': 'wrap', 'text-max-width': 120, 'text-background-color': background, 'text-background-opacity': 0.85,
      'text-background-padding': 1, 'border-width': 2, 'border-color': background,
      // Labels too small to read are not drawn: a large graph zoomed out stays fast.
      'min-zoomed-font-size': 7,
    },
  },
  ...nodes,
  { selector: 'node[?expanded]', style: { width: 34, height: 34, 'border-width': 3, 'border-color': ink } },
  // A node with a disputed or denied fact (say, what a site was used for) wears the disputed line.
  { selector: 'node[?disputed]', style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': statusStyle.DISPUTED.color } },
  {
    selector: 'node[kind = "MORE"]',
    style: {
      shape: 'round-rectangle', 'background-color': background, 'border-style': 'dashed', 'border-color': ink, 'border-width': 2,
      width: 76, height: 24, 'text-valign': 'center', 'text-margin-y': 0, 'font-weight': 'bold', 'text-background-opacity': 0,
    },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9, label: 'data(label)', 'font-size': 9,
      'text-rotation': 'autorotate', 'text-background-color': background, 'text-background-opacity': 0.9, 'text-background-padding': 1,
      'min-zoomed-font-size': 7,
    },
  },
  ...edges,
  { selector: 'edge[status = "DISPUTED"], edge[status = "DENIED"]', style: { 'font-weight': 'bold' } },
  { selector: 'edge[kind = "MORE"]', style: { 'line-style': 'dashed', 'line-color': ink, width: 1, 'target-arrow-shape': 'none', label: '' } },
  { selector: 'edge[?onPath]', style: { 'underlay-color': pathGlow, 'underlay-opacity': 0.55, 'underlay-padding': 5 } },
  { selector: ':selected', style: { 'overlay-color': ink, 'overlay-opacity': 0.12, 'overlay-padding': 6 } },
  { selector: 'node.focused', style: { 'border-width': 4, 'border-color': ink, 'border-style': 'double' } },
];
