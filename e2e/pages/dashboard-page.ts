import { expect, type Locator, type Page } from '@playwright/test';

/** One table row as the user reads it; empty cells ("—") read as "--", as on the seed page. */
export interface ShownRow {
  ip: string;
  service: string;
  namespace: string;
  type: string;
  notes: string;
  status: string;
  announcer: string;
  pool: string;
}

const columns = ['ip', 'service', 'namespace', 'type', 'notes', 'status', 'announcer', 'pool'] as const;

export class DashboardPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly filter: Locator;
  readonly statusFilter: Locator;
  readonly poolFilter: Locator;
  /** The tab's stream to the dashboard (data-state live / reconnecting / stale). */
  readonly connection: Locator;
  /** The header's one state: stream and cluster (data-state live / reconnecting / stale / partial / starting). */
  readonly clusterState: Locator;
  readonly clusterName: Locator;
  readonly alerts: Locator;
  readonly rowCount: Locator;

  constructor(readonly page: Page) {
    // The visible table: right after a navigation, under load, React's streamed segment
    // (div#S:0[hidden]) can briefly sit in the DOM beside the revealed content; users see only one.
    this.table = page.getByTestId('allocation-table').filter({ visible: true });
    this.rows = this.table.getByTestId('allocation-row');
    this.filter = page.getByRole('searchbox', { name: 'Filter rows' });
    this.statusFilter = page.getByRole('combobox', { name: 'Status' });
    this.poolFilter = page.getByRole('combobox', { name: 'Pool' });
    this.connection = page.getByTestId('connection-status');
    this.clusterState = page.getByTestId('cluster-state');
    this.clusterName = page.getByTestId('cluster-name');
    this.alerts = page.getByTestId('alert');
    this.rowCount = page.getByTestId('row-count');
  }

  /** The Addresses screen (every address of every pool), with an optional `?query`. */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/addresses${query}`);
    await expect(this.table).toBeVisible();
  }

  /** A screen of the shell by its navigation link, as a user clicks it (client-side navigation). */
  async openScreen(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label }).click();
    await expect(
      this.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label }),
    ).toHaveAttribute('aria-current', 'page');
  }

  async waitLive(): Promise<void> {
    await expect(this.connection).toHaveAttribute('data-state', 'live');
  }

  /** The row of one address (single-address rows only). */
  row(ip: string): Locator {
    return this.table.locator(`[data-testid="allocation-row"][data-kind="address"][data-ip="${ip}"]`);
  }

  cell(row: Locator, col: (typeof columns)[number]): Locator {
    return row.locator(`td[data-col="${col}"]`);
  }

  /** Every row's text, in display order. */
  async shownRows(): Promise<ShownRow[]> {
    return this.rows.evaluateAll(
      (trs, cols) =>
        trs.map((tr) => {
          const out: Record<string, string> = {};
          for (const c of cols) {
            const td = tr.querySelector(`td[data-col="${c}"]`);
            // The Service cell may carry a second line ("wanted by …"); the first line is the name.
            const first = td?.firstElementChild?.firstElementChild ?? td;
            const text = (c === 'service' ? first : td)?.textContent?.trim() ?? '';
            out[c] = text === '—' || text === '' ? '--' : text;
          }
          return out as unknown as ShownRow;
        }),
      columns as unknown as string[],
    );
  }

  async shownIps(): Promise<string[]> {
    return this.rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ip') ?? ''));
  }

  alert(text: string | RegExp): Locator {
    return this.alerts.filter({ hasText: text });
  }
}
