import { cliRunCall, hostPackages, validatePair, validatePattern } from '../../src/index';
import type { PanelProps } from '../panels/registerPanel';
import { ListEditor } from './ListEditor';
import { CommandInputs, readsCommandInputs, readsConfig } from './CommandInputs';
import { importedPackages, validateBucketName } from './parseConfigList';
import { DrivenExports } from './DrivenExports';
import { findDrivenExports } from './findDrivenExports';
import { GuestLinks } from '../linking/GuestLinks';
import { useLinkPlan } from '../linking/useLinkPlan';
import './hosts.css';

// cli, clocks, random and filesystem come from the WASI base (preview2-shim), not a host package.
const BASE_PACKAGES = new Set(['wasi:cli', 'wasi:clocks', 'wasi:random', 'wasi:filesystem', 'wasi:sockets']);
const STATUS_TITLES = { host: 'served by a built-in host package', base: 'served by the WASI base (preview2-shim)', missing: 'no built-in host for this package (add one in Host code)' };

function importStatus(id: string): keyof typeof STATUS_TITLES {
  if (hostPackages.some((p) => p.id === id)) return 'host';
  return BASE_PACKAGES.has(id.replace(/@.*/, '')) ? 'base' : 'missing';
}

/**
 * Hosts tab: per-guest host configuration (topic subscriptions, key-value bucket
 * allow-list) that the next Run passes to each guest, plus the host packages available.
 */
export function HostsPanel({ ctx }: PanelProps) {
  const update = ctx.updateGuestHosts;
  // Guests linked to guests: which guest serves which import (web/linking).
  const plan = useLinkPlan(ctx.guests);
  return (
    <div className="panel hosts-panel" data-testid="hosts-panel">
      <div className="hosts-body">
        {ctx.backendSettings}
        {ctx.guests.length === 0 && <p className="empty">This workspace has no guests.</p>}
        {ctx.guests.map((g, i) => {
          const imports = importedPackages(g.wit);
          const driven = findDrivenExports(g.wit);
          const opened = 'bytes' in g;
          const command = cliRunCall([...g.wit.matchAll(/\bexport\s+(wasi:cli\/run@[\w.-]+)/g)].map((m) => m[1]!));
          return (
            <section key={g.name} className="hosts-guest" data-testid="hosts-guest" data-name={g.name}>
              <header>
                <span className="hosts-guest-name">{g.name}</span>
                <span className={`badge badge-${opened ? 'component' : g.lang}`}>{opened ? 'opened .wasm' : g.lang}</span>
                <span className="muted">{g.call ? `Run calls ${g.call}()` : command ? `Run calls ${command.replace('#', ' → ')}()` : plan.ok && plan.plan.linkedOnly.includes(g.name) ? 'serves other guests' : 'handler only'}</span>
              </header>
              <ListEditor label="Subscriptions (one pattern per line)" values={g.subscriptions ?? []} validate={validatePattern} onChange={update && ((subscriptions) => update(i, { subscriptions }))} placeholder="e.g. orders.*" testId="hosts-subscriptions" />
              <ListEditor label={driven.some((d) => d.by === 'buckets') ? 'Key-value buckets allowed and watched (on-set / on-delete)' : 'Key-value buckets allowed (empty = any)'} values={g.buckets ?? []} validate={validateBucketName} onChange={update && ((buckets) => update(i, { buckets }))} placeholder="any bucket opens" testId="hosts-buckets" />
              {(command || readsCommandInputs(g.wit)) && <CommandInputs guest={g} onChange={update && ((patch) => update(i, patch))} />}
              {readsConfig(g.wit) && (
                <ListEditor label="wasi:config values (key=value per line)" values={g.config ?? []} validate={validatePair} onChange={update && ((config) => update(i, { config }))} placeholder="e.g. greeting=hello" testId="hosts-config" />
              )}
              <GuestLinks plan={plan} guest={g.name} />
              {imports.size > 0 && (
                <div className="hosts-imports">
                  imports{' '}
                  {[...imports].map((id) => {
                    const provider = plan.ok ? Object.entries(plan.plan.servedBy[g.name] ?? {}).find(([iface]) => iface.replace(/\/[^@]*/, '') === id)?.[1] : undefined;
                    if (provider) return <code key={id} className="linked" title={`served by guest ${provider}`}>{id} ← {provider}</code>;
                    const status = importStatus(id);
                    return (
                      <code key={id} className={status} title={STATUS_TITLES[status]}>
                        {id}
                      </code>
                    );
                  })}
                </div>
              )}
              <DrivenExports driven={driven} settings={{ subscriptions: g.subscriptions, buckets: g.buckets }} />
            </section>
          );
        })}
        {!update && <p className="muted hosts-note">Editing is unavailable in this view; changes can't reach the next Run.</p>}
        <details className="hosts-help" open>
          <summary>Subscription pattern syntax</summary>
          <ul>
            <li><code>orders.paid</code> exact topic (segments separated by dots)</li>
            <li><code>orders.*</code> <code>*</code> matches exactly one segment</li>
            <li><code>orders.&gt;</code> or <code>orders.#</code> match one or more remaining segments (last segment only; unlike MQTT's <code>#</code>, not <code>orders</code> itself); a lone <code>&gt;</code> matches everything</li>
            <li>Wildcards are whole segments and patterns are not regular expressions (the 2022 drafts proposed regex patterns): <code>orders.pa*</code> or <code>orders\.(paid|created)</code> are refused</li>
            <li><code>queue:jobs</code> prefix <code>queue:</code> makes a work queue: subscribers with the same pattern compete and one handles each message; without it every subscriber gets a copy</li>
          </ul>
          <p className="muted">Changes apply on the next Run.</p>
        </details>
        <section className="hosts-packages">
          <h3>Host packages</h3>
          <table>
            <tbody>
              {hostPackages.map((p) => (
                <tr key={p.id} data-testid="host-package">
                  <td><code>{p.id}</code></td>
                  <td>{p.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
