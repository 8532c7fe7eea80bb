import {
  rocketApplicationManagePermission,
  rocketContactManagePermission,
  rocketInventoryReadPermission,
} from '@internal/plugin-rocket-dbaas-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DirectoryService } from '../services/DirectoryService';
import { RouteGuard } from './RouteGuard';
import {
  applicationCreateBody,
  applicationUpdateBody,
  contactCreateBody,
  contactExpireBody,
  contactLinkBody,
  contactListQuery,
  contactUpdateBody,
  pathApplication,
  pathId,
  pagingQuery,
  searchQuery,
} from './schemas';
import { parse } from './validation';

const contactPath = z.object({ id: pathId }).strict();
const linkPath = z.object({ name: pathApplication.shape.name, contactId: pathId }).strict();

export function directoryRoutes(guard: RouteGuard, directory: DirectoryService) {
  const router = Router();

  router.get('/applications', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await directory.listApplications(parse(searchQuery, req.query, 'query')));
  });

  router.post('/applications', async (req, res) => {
    const app = await guard.mutate(req, rocketApplicationManagePermission, 'application-create', { name: req.body?.name ?? null }, () =>
      directory.createApplication(parse(applicationCreateBody, req.body, 'body')),
    );
    res.status(201).json(app);
  });

  router.get('/applications/:name', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await directory.getApplication(parse(pathApplication, req.params, 'path').name));
  });

  router.patch('/applications/:name', async (req, res) => {
    const app = await guard.mutate(req, rocketApplicationManagePermission, 'application-update', { name: req.params.name }, () => {
      const { name } = parse(pathApplication, req.params, 'path');
      return directory.updateApplication(name, parse(applicationUpdateBody, req.body, 'body'));
    });
    res.json(app);
  });

  router.get('/applications/:name/contacts', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json({ items: await directory.applicationContacts(parse(pathApplication, req.params, 'path').name) });
  });

  router.get('/application-contacts', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await directory.allApplicationContacts(parse(pagingQuery, req.query, 'query')));
  });

  router.put('/applications/:name/contacts/:contactId', async (req, res) => {
    const items = await guard.mutate(req, rocketApplicationManagePermission, 'application-contact-link', { ...req.params }, () => {
      const { name, contactId } = parse(linkPath, req.params, 'path');
      return directory.linkContact(name, contactId, parse(contactLinkBody, req.body, 'body'));
    });
    res.json({ items });
  });

  router.delete('/applications/:name/contacts/:contactId', async (req, res) => {
    await guard.mutate(req, rocketApplicationManagePermission, 'application-contact-unlink', { ...req.params }, () => {
      const { name, contactId } = parse(linkPath, req.params, 'path');
      return directory.unlinkContact(name, contactId);
    });
    res.status(204).end();
  });

  router.get('/contacts', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await directory.listContacts(parse(contactListQuery, req.query, 'query')));
  });

  router.post('/contacts', async (req, res) => {
    const contact = await guard.mutate(req, rocketContactManagePermission, 'contact-create', {}, () =>
      directory.createContact(parse(contactCreateBody, req.body, 'body')),
    );
    res.status(201).json(contact);
  });

  router.get('/contacts/:id', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await directory.getContact(parse(contactPath, req.params, 'path').id));
  });

  router.patch('/contacts/:id', async (req, res) => {
    const contact = await guard.mutate(req, rocketContactManagePermission, 'contact-update', { id: req.params.id }, () => {
      const { id } = parse(contactPath, req.params, 'path');
      return directory.updateContact(id, parse(contactUpdateBody, req.body, 'body'));
    });
    res.json(contact);
  });

  router.post('/contacts/:id/expire', async (req, res) => {
    const contact = await guard.mutate(req, rocketContactManagePermission, 'contact-expire', { id: req.params.id }, () => {
      const { id } = parse(contactPath, req.params, 'path');
      return directory.expireContact(id, parse(contactExpireBody, req.body ?? {}, 'body').at);
    });
    res.json(contact);
  });

  return router;
}
