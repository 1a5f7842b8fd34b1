import type { ProbeHub } from '../probe/hub';
import type { FeedSource } from './inventory-feed';

/** A feed source that also changes when new ARP evidence arrives (the build reads the hub's evidence). */
export function withEvidence(watch: FeedSource, probes: Pick<ProbeHub, 'onChange'>): FeedSource {
  return {
    info: watch.info,
    start: () => watch.start(),
    stop: () => watch.stop(),
    state: () => watch.state(),
    statuses: () => watch.statuses(),
    requiredListed: () => watch.requiredListed(),
    settled: () => watch.settled(),
    onChange(listener) {
      const a = watch.onChange(listener);
      const b = probes.onChange(listener);
      return () => {
        a();
        b();
      };
    },
  };
}
