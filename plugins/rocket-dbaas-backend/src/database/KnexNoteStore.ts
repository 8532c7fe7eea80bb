import { Note } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import { NewNote, NoteStore } from './RocketStore';
import { insertedId, nowIso, toIso } from './conversions';

function toNote(row: Record<string, any>): Note {
  return {
    id: Number(row.id),
    cluster: row.cluster_name,
    title: row.title,
    body: row.body,
    ticket: row.ticket ?? null,
    colour: row.colour,
    author: row.author,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class KnexNoteStore implements NoteStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  private select() {
    return this.db('notes')
      .join('clusters', 'clusters.id', 'notes.cluster_id')
      .select('notes.*', 'clusters.name as cluster_name');
  }

  async list(clusterId: number): Promise<Note[]> {
    const rows = await this.select().where('notes.cluster_id', clusterId).orderBy('notes.created_at', 'desc').orderBy('notes.id', 'desc');
    return rows.map(toNote);
  }

  async get(clusterId: number, id: number): Promise<Note | undefined> {
    const row = await this.select().where({ 'notes.cluster_id': clusterId, 'notes.id': id }).first();
    return row ? toNote(row) : undefined;
  }

  async insert(note: NewNote): Promise<number> {
    const now = nowIso();
    const result = await this.db('notes')
      .insert({
        cluster_id: note.clusterId,
        title: note.title,
        body: note.body,
        ticket: note.ticket ?? null,
        colour: note.colour,
        author: note.author,
        created_at: now,
        updated_at: now,
      })
      .returning('id');
    return insertedId(result);
  }

  async update(id: number, patch: Partial<Omit<NewNote, 'clusterId' | 'author'>>): Promise<void> {
    await this.db('notes').where({ id }).update({ ...patch, updated_at: nowIso() });
  }

  async delete(id: number): Promise<void> {
    await this.db('notes').where({ id }).delete();
  }
}
