// Markers closer than `distance` pixels on screen merge into one cluster, greedily from the
// marker holding most events, so dense areas stay readable at every zoom.

/** points: [{ x, y, weight, ... }] -> [{ x, y, weight, members: [point] }] */
export function cluster(points, distance) {
  const byWeight = [...points].sort((a, b) => b.weight - a.weight);
  const taken = new Set();
  const clusters = [];
  for (const seed of byWeight) {
    if (taken.has(seed)) continue;
    const members = byWeight.filter((point) => !taken.has(point) && Math.hypot(point.x - seed.x, point.y - seed.y) <= distance);
    members.forEach((point) => taken.add(point));
    const weight = members.reduce((sum, point) => sum + point.weight, 0);
    clusters.push({
      x: members.reduce((sum, point) => sum + point.x * point.weight, 0) / weight,
      y: members.reduce((sum, point) => sum + point.y * point.weight, 0) / weight,
      weight, members,
    });
  }
  return clusters;
}
