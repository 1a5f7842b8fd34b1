// What the demo seed shows, for assertions that count it: the seed page's home lab (pool `pool`,
// 20 addresses, 20 rows — shared/seed/load-balancers.md) and the demo's lab (pool `lab`, a /28:
// 16 rows), see lib/sim/seeds/demo-lab.ts.
export const HOME_ROWS = 20;
export const LAB_ROWS = 16;
export const DEMO_ROWS = HOME_ROWS + LAB_ROWS;
export const DEMO_POOLS = 2;
/**
 * The demo's error alerts: plex pending, the lab's two Local Services nobody announces, and two
 * from its simulated L2 segment (lib/sim/l2-segment.ts): Jellyfin's address answered by nobody,
 * and the lab's split shared IP answered by two nodes.
 */
export const DEMO_ERRORS = 5;
