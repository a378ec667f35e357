// The explorer's colours, each at least 4.5:1 against the white panels (WCAG AA for text;
// edges and shapes need only 3:1). Claim statuses differ in line style too, not colour alone.

export const background = '#ffffff';
export const ink = '#1a1a1a';

export const statusStyle = {
  UNCONTESTED: { color: '#1d4f91', line: 'solid', width: 2 },
  DISPUTED: { color: '#a14a00', line: 'dashed', width: 4 },
  DENIED: { color: '#b00020', line: 'dotted', width: 4 },
  UNSOURCED: { color: '#595959', line: 'dashed', width: 1.5 },
};

export const kindStyle = {
  PERSON: { color: '#3d5a80', shape: 'ellipse' },
  ORGANIZATION: { color: '#0b6e4f', shape: 'round-rectangle' },
  PLACE: { color: '#7a4b00', shape: 'diamond' },
  EVENT: { color: '#5b3b8c', shape: 'round-hexagon' },
  STATEMENT: { color: '#555555', shape: 'round-tag' },
  SOURCE: { color: '#555555', shape: 'rectangle' },
};

/** A connection path's edges are outlined in this (a glow under the status colour). */
export const pathGlow = '#e0a000';
