import { NotFoundError } from '@backstage/errors';
import { Note, NoteColour } from '@internal/plugin-rocket-dbaas-common';
import { RocketStore } from '../database/RocketStore';
import { Actor } from './Actor';
import { ChangeNotifier } from './ChangeNotifier';
import { requireCluster } from './ClusterService';

export type NoteInput = { title: string; body: string; ticket?: string | null; colour: NoteColour };

/** Notes that DBAs keep on a cluster: coloured cards with an optional ticket. */
export interface NoteService {
  list(cluster: string): Promise<Note[]>;
  add(cluster: string, note: NoteInput, actor: Actor): Promise<Note>;
  edit(cluster: string, id: number, patch: Partial<NoteInput>): Promise<Note>;
  delete(cluster: string, id: number): Promise<void>;
}

export class DefaultNoteService implements NoteService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
  ) {}

  async list(cluster: string) {
    const ref = await requireCluster(this.store, cluster);
    return this.store.notes.list(ref.id);
  }

  private async require(cluster: string, id: number) {
    const ref = await requireCluster(this.store, cluster);
    const note = await this.store.notes.get(ref.id, id);
    if (!note) throw new NotFoundError(`Cluster ${cluster} has no note ${id}`);
    return { ref, note };
  }

  async add(cluster: string, note: NoteInput, actor: Actor) {
    const ref = await requireCluster(this.store, cluster);
    const id = await this.store.notes.insert({ ...note, clusterId: ref.id, author: actor.ref });
    await this.notifier.changed({ kind: 'note', key: String(id), cluster });
    return (await this.store.notes.get(ref.id, id))!;
  }

  async edit(cluster: string, id: number, patch: Partial<NoteInput>) {
    const { ref } = await this.require(cluster, id);
    await this.store.notes.update(id, patch);
    await this.notifier.changed({ kind: 'note', key: String(id), cluster });
    return (await this.store.notes.get(ref.id, id))!;
  }

  async delete(cluster: string, id: number) {
    await this.require(cluster, id);
    await this.store.notes.delete(id);
    await this.notifier.changed({ kind: 'note', key: String(id), cluster });
  }
}
