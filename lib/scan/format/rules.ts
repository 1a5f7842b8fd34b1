// The scan's rules as data: the id a finding carries, a one-line description (SARIF, --help, the page).
import type { FindingRule } from '../types';

export const RULES: Record<FindingRule | 'unreadable' | 'drift', string> = {
  duplicate: 'An address is claimed by two owners that do not share it with one sharing key',
  'outside-pools': 'A claimed address lies outside every declared CiliumLoadBalancerIPPool',
  'reserved-edge': 'A claimed address is a first/last address a pool withholds (allowFirstLastIPs: "No")',
  'not-an-address': 'A claim is not an IP address',
  'undefined-variable': 'A claim uses a variable no substitution in the repository defines',
  'secret-variable': "A claim's variable comes from a Secret, whose values are not read",
  'forgotten-reservation': 'A variable holds an address inside a pool, but no claim uses it',
  'plan-pending': 'On an empty cluster the LB-IPAM engine leaves this Service pending',
  'invalid-object': 'An object the API server would refuse',
  unreadable: 'A file that is not valid YAML (or cannot be read)',
  drift: 'The connected cluster does not match the repository',
};
