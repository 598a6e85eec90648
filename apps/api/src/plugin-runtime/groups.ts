import { AppError, type Services } from '@city/core';
import { withTenant, type Tx } from '@city/db';
import type { SessionCredential } from '@city/auth';
import type { GroupItem, GroupWork, PluginServer } from '@city/plugin-sdk/server';
import { findEnabledInstall, pluginMembers } from './actors.ts';
import { databaseRole, pluginContext, setRole } from './context.ts';
import type { EventDispatcher } from './dispatcher.ts';
import type { PluginMemory } from './memory.ts';

type Tenant = { id: string; slug: string; name: string };
type Person = { id: string; displayName: string };
/** Who submits: a person already known, or a session not yet checked (checked with the group's other sessions). */
export type Submitter = { person: Person } | { credential: SessionCredential };
// The runtime queues work of any plugin; each queue holds items of one work, so its input and output types agree.
type AnyWork = GroupWork<never, unknown, unknown>;

interface Waiting {
  submitter: Submitter;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  plugin: PluginServer;
  tenant: Tenant;
  work: AnyWork;
  waiting: Waiting[];
}

/** Items per transaction at most: a group's statements stay of a bounded size. */
const MAX_GROUP = 200;

/**
 * Group commit for grouped plugin routes. The first item of a key starts a group at once (no waiting for company);
 * items arriving while it runs gather and go together in the next one, one group at a time per key per process (two
 * at once measured no faster on a 2-core server). Under load a group holds about as many items as there are requests
 * in flight, and each group costs one transaction: the entry into the neighbourhood, the members' check and the
 * plugin's statements are paid per group instead of per request.
 */
export class GroupCommitter {
  /** Queues with a group running, by tenant, plugin, work and key. */
  private readonly queues = new Map<string, Queue>();
  private readonly workIds = new WeakMap<object, number>();
  private works = 0;
  private readonly services: Services;
  private readonly dispatcher: EventDispatcher;

  private readonly memory: PluginMemory;

  constructor(services: Services, dispatcher: EventDispatcher, memory: PluginMemory) {
    this.services = services;
    this.dispatcher = dispatcher;
    this.memory = memory;
  }

  submit<S, I, O>(
    plugin: PluginServer,
    tenant: Tenant,
    submitter: Submitter,
    work: GroupWork<S, I, O>,
    input: I,
  ): Promise<O> {
    const name = `${tenant.id}|${plugin.manifest.id}|${this.workId(work)}|${work.key(input)}`;
    return new Promise<O>((resolve, reject) => {
      const item = { submitter, input, resolve: resolve as (value: unknown) => void, reject };
      const running = this.queues.get(name);
      if (running) return void running.waiting.push(item);
      const queue: Queue = { plugin, tenant, work: work as unknown as AnyWork, waiting: [item] };
      this.queues.set(name, queue);
      void this.drain(name, queue);
    });
  }

  private workId(work: object) {
    let id = this.workIds.get(work);
    if (id === undefined) this.workIds.set(work, (id = ++this.works));
    return id;
  }

  private async drain(name: string, queue: Queue) {
    while (queue.waiting.length) await this.runGroup(queue, queue.waiting.splice(0, MAX_GROUP));
    // Nothing awaits between the last check and here: an item submitted from now on starts a new queue.
    this.queues.delete(name);
  }

  /** One group in one transaction; if it fails as a whole, its items run again one by one. */
  private async runGroup(queue: Queue, group: Waiting[]): Promise<void> {
    let outcomes: unknown[];
    try {
      outcomes = await this.transaction(queue, group);
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      for (const item of group) await this.runGroup(queue, [item]);
      return;
    }
    // Events the group emitted go out now it has committed (on Node the process outlives the responses).
    void this.dispatcher.afterCommit(queue.tenant.id);
    group.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) item.reject(outcome);
      else item.resolve(outcome);
    });
  }

  /**
   * Enters the neighbourhood once, checks every item's session (those not yet checked) and member, and runs the
   * plugin's work as the plugin's role. Sessions due for renewal are renewed after the transaction.
   */
  private async transaction(queue: Queue, group: Waiting[]): Promise<unknown[]> {
    const upkeeps: (() => Promise<void>)[] = [];
    try {
      return await withTenant(this.services.db, queue.tenant.id, (tx) => this.inside(tx, queue, group, upkeeps));
    } finally {
      for (const upkeep of upkeeps) await upkeep();
    }
  }

  private async inside(tx: Tx, { plugin, tenant, work }: Queue, group: Waiting[], upkeeps: (() => Promise<void>)[]) {
    const id = plugin.manifest.id;
    const role = databaseRole(plugin);
    // A plugin disabled meanwhile, or a person who is not a member here: 404, as on any plugin route.
    const outcomes: unknown[] = new Array(group.length);
    const installed = await findEnabledInstall(tx, id, null);
    if (!installed) return group.map(() => new AppError('not_found'));
    const people = await this.people(tx, group, upkeeps);
    const { actors, ownerIdsByUser } = await pluginMembers(
      tx,
      id,
      people.filter((p) => p !== null),
    );
    const admitted: number[] = [];
    const items: GroupItem<unknown>[] = [];
    group.forEach((g, i) => {
      const person = people[i];
      // A session that does not hold: 401, as the gate answers without a group.
      if (!person) return void (outcomes[i] = new AppError('unauthenticated'));
      const actor = actors.get(person.id);
      if (!actor) return void (outcomes[i] = new AppError('not_found'));
      admitted.push(i);
      items.push({ actor, input: g.input });
    });
    if (!items.length) return outcomes;
    const context = pluginContext({
      tx,
      services: this.services,
      memory: this.memory,
      plugin: { id, version: installed.install.version, role },
      tenant,
      actor: null,
      ownerIdsByUser,
      grantedScopes: installed.install.grantedScopes,
      settings: installed.install.settings,
    });
    await setRole(tx, role);
    const results = await work.run(context as never, items);
    if (results.length !== items.length)
      throw new Error(`${id}: a group of ${items.length} answered ${results.length} outcomes`);
    admitted.forEach((at, i) => (outcomes[at] = results[i]));
    return outcomes;
  }

  /** Each item's person: as submitted, or from its session, all of the group's sessions read in one statement. */
  private async people(tx: Tx, group: Waiting[], upkeeps: (() => Promise<void>)[]): Promise<(Person | null)[]> {
    const ids = group.flatMap(({ submitter }) => ('credential' in submitter ? [submitter.credential.id] : []));
    const stored = ids.length ? await this.services.sessions.stored(ids, tx) : new Map();
    return group.map(({ submitter }) => {
      if ('person' in submitter) return submitter.person;
      const { session, upkeep } = this.services.sessions.settle(
        submitter.credential,
        stored.get(submitter.credential.id),
      );
      if (upkeep) upkeeps.push(upkeep);
      return session && { id: session.user.id, displayName: session.user.displayName };
    });
  }
}
