import { rocketInventoryReadPermission, rocketNoteManagePermission } from '@internal/plugin-rocket-dbaas-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { NoteService } from '../services/NoteService';
import { RouteGuard } from './RouteGuard';
import { clusterName, noteCreateBody, noteUpdateBody, pathId, pathName } from './schemas';
import { parse } from './validation';

const notePath = z.object({ name: clusterName, id: pathId }).strict();

export function noteRoutes(guard: RouteGuard, notes: NoteService) {
  const router = Router();

  router.get('/clusters/:name/notes', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json({ items: await notes.list(parse(pathName, req.params, 'path').name) });
  });

  router.post('/clusters/:name/notes', async (req, res) => {
    const note = await guard.mutate(req, rocketNoteManagePermission, 'note-create', { cluster: req.params.name }, actor => {
      const { name } = parse(pathName, req.params, 'path');
      return notes.add(name, parse(noteCreateBody, req.body, 'body'), actor);
    });
    res.status(201).json(note);
  });

  router.patch('/clusters/:name/notes/:id', async (req, res) => {
    const note = await guard.mutate(req, rocketNoteManagePermission, 'note-update', { ...req.params }, () => {
      const { name, id } = parse(notePath, req.params, 'path');
      return notes.edit(name, id, parse(noteUpdateBody, req.body, 'body'));
    });
    res.json(note);
  });

  router.delete('/clusters/:name/notes/:id', async (req, res) => {
    await guard.mutate(req, rocketNoteManagePermission, 'note-delete', { ...req.params }, () => {
      const { name, id } = parse(notePath, req.params, 'path');
      return notes.delete(name, id);
    });
    res.status(204).end();
  });

  return router;
}
