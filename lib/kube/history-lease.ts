import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Leadership } from '../history/service';
import { KubeApiError } from './errors';
import { kubeRequestJson } from './http';

// Which of several dashboard replicas records history: the holder of one coordination.k8s.io
// Lease, taken and renewed the way controllers elect a leader (client-go's leaderelection): create
// it when missing, renew while holding it, take it over only once its holder stopped renewing for
// a whole duration, and write with the resourceVersion read so two replicas never both win.
// The only thing the dashboard writes to a cluster for history, and only when
// LBIPAM_HISTORY_LEASE names it.

interface LeaseObject {
  metadata: { name: string; namespace: string; resourceVersion?: string };
  spec?: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
  };
}

export interface LeaseElectorOptions {
  namespace: string;
  name: string;
  identity: string;
  durationSeconds?: number;
  /** How often to renew or try to take it (default: a third of the duration). */
  renewMs?: number;
  now?: () => number;
}

/** Kubernetes MicroTime: RFC 3339 with microseconds. */
const microTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

export class LeaseElector implements Leadership {
  private isLeader = false;
  private renewedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;
  private readonly listeners = new Set<() => void>();
  private readonly duration: number;
  private readonly renewMs: number;
  private readonly now: () => number;
  /** Who holds it as last read (for the status line). */
  holder: string | null = null;
  lastError: string | null = null;

  constructor(
    private readonly kc: KubeConfig,
    private readonly o: LeaseElectorOptions,
  ) {
    this.duration = o.durationSeconds ?? 15;
    this.renewMs = o.renewMs ?? Math.max(200, (this.duration * 1000) / 3);
    this.now = o.now ?? Date.now;
  }

  leading(): boolean {
    return this.isLeader;
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  start(): void {
    if (this.timer || this.stopped) return;
    const loop = () => {
      this.ticking = this.tick().finally(() => {
        this.ticking = null;
        if (!this.stopped) {
          this.timer = setTimeout(loop, this.renewMs);
          this.timer.unref?.();
        }
      });
    };
    loop();
  }

  /** Stops, and gives the Lease up when holding it, so another replica takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    if (!this.isLeader) return;
    this.set(false);
    try {
      const lease = await this.read();
      if (lease?.spec?.holderIdentity === this.o.identity) {
        await this.write('PUT', {
          ...lease,
          spec: {
            ...lease.spec,
            holderIdentity: '',
            leaseDurationSeconds: 1,
            renewTime: microTime(this.now()),
          },
        });
      }
    } catch {
      // It expires on its own within the duration.
    }
  }

  private get path(): string {
    return `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(this.o.namespace)}/leases`;
  }

  private async read(): Promise<LeaseObject | null> {
    try {
      return (await kubeRequestJson(
        this.kc,
        'GET',
        `${this.path}/${encodeURIComponent(this.o.name)}`,
        undefined,
        {
          timeoutMs: 5_000,
        },
      )) as LeaseObject;
    } catch (err) {
      if (err instanceof KubeApiError && err.isNotFound) return null;
      throw err;
    }
  }

  private async write(method: 'POST' | 'PUT', lease: LeaseObject): Promise<boolean> {
    const path = method === 'POST' ? this.path : `${this.path}/${encodeURIComponent(this.o.name)}`;
    try {
      await kubeRequestJson(
        this.kc,
        method,
        path,
        { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', ...lease },
        {
          timeoutMs: 5_000,
        },
      );
      return true;
    } catch (err) {
      // 409: another replica wrote first (created it, or changed it since we read it).
      if (err instanceof KubeApiError && err.statusCode === 409) return false;
      throw err;
    }
  }

  /** One round: read, then create, renew, take over or follow. */
  async tick(): Promise<void> {
    const now = this.now();
    try {
      const lease = await this.read();
      const mine = (transitions: number, acquired?: string) => ({
        holderIdentity: this.o.identity,
        leaseDurationSeconds: this.duration,
        acquireTime: acquired ?? microTime(now),
        renewTime: microTime(now),
        leaseTransitions: transitions,
      });
      let won: boolean;
      if (!lease) {
        won = await this.write('POST', {
          metadata: { name: this.o.name, namespace: this.o.namespace },
          spec: mine(0),
        });
      } else {
        const spec = lease.spec ?? {};
        const holder = spec.holderIdentity ?? '';
        this.holder = holder || null;
        const renewed = Date.parse(spec.renewTime ?? '') || 0;
        const expired = !holder || renewed + (spec.leaseDurationSeconds ?? this.duration) * 1000 < now;
        if (holder === this.o.identity) {
          won = await this.write('PUT', {
            ...lease,
            spec: mine(spec.leaseTransitions ?? 0, spec.acquireTime),
          });
        } else if (expired) {
          won = await this.write('PUT', { ...lease, spec: mine((spec.leaseTransitions ?? 0) + 1) });
        } else {
          won = false;
        }
      }
      this.lastError = null;
      if (won) {
        this.renewedAt = now;
        this.holder = this.o.identity;
      }
      this.set(won);
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      // Unable to renew: keep leading only while the last renewal still stands.
      if (this.isLeader && now - this.renewedAt >= this.duration * 1000) this.set(false);
    }
  }

  private set(leading: boolean): void {
    if (leading === this.isLeader) return;
    this.isLeader = leading;
    for (const l of [...this.listeners]) l();
  }
}
