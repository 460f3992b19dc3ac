import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness.js';
import type { Database } from '../kernel/db/client.js';
import { localFileStore } from '../kernel/files/store.js';
import { buildApp, type App } from './app.js';
import { loadConfig } from './config.js';

describe('the HTTP shell', () => {
  let database: Database;
  let app: App;
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-web-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><html lang="vi"><title>Quán Triệt</title></html>');
    fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js'), 'console.log(1)');
    database = await openTestDatabase('pglite');
    app = await buildApp({ database, files: localFileStore(path.join(web, 'files')), config: { ...loadConfig({}), webDist: web } });
  });
  afterAll(async () => { await app.close(); await database.close(); });

  it('serves the web app for client-side routes and hashed assets with a long cache', async () => {
    const page = await app.inject({ url: '/members/123' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Quán Triệt');
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('answers unknown API routes with a problem document, and publishes the OpenAPI description', async () => {
    const res = await app.inject({ url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'resource.not_found', title: 'Không tìm thấy dữ liệu yêu cầu', status: 404 });
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    for (const route of ['/api/health', '/api/auth/login', '/api/me', '/api/orgs/{id}', '/api/orgs/{id}/children', '/api/members', '/api/members/{id}', '/api/member-imports']) {
      expect(Object.keys(spec.paths)).toContain(route);
    }
    expect((await app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('guards routes reached through an encoded path, and says 401 before judging the input', async () => {
    for (const url of ['/%61pi/me', '/%61pi/orgs', '/api/members', '/api/orgs/not-a-uuid']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('auth.required');
    }
    const post = await app.inject({ method: 'POST', url: '/api/orgs', payload: { x: 1 } });
    expect(post.statusCode).toBe(401);
  });
});
