import { createContext } from 'react';

/**
 * Whether the table's addresses link to their IP pages. Off for a table that is not of the cluster
 * shown (an uploaded snapshot): its address's page would describe the live cluster instead.
 */
export const IpLinksContext = createContext(true);
