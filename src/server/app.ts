import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../kernel/access/actor.js';
import type { Database } from '../kernel/db/client.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../kernel/errors/app-error.js';
import { problemHandler } from '../kernel/http/error-handler.js';
import type { FileStore } from '../kernel/files/store.js';
import { authService } from '../modules/auth/index.js';
import { registerAuthRoutes, SESSION_COOKIE } from '../modules/auth/auth.routes.js';
import { registerOrgRoutes } from '../modules/org/org.routes.js';
import { registerMemberRoutes } from '../modules/members/members.routes.js';
import { registerImportRoutes } from '../modules/members/imports.routes.js';
import { registerCampaignRoutes } from '../modules/campaigns/campaigns.routes.js';
import { registerMaterialRoutes } from '../modules/materials/materials.routes.js';
import { registerConferenceRoutes } from '../modules/conferences/conferences.routes.js';
import { registerAttendanceRoutes } from '../modules/conferences/attendance.routes.js';
import { registerReflectionRoutes } from '../modules/reflections/reflections.routes.js';
import { registerReflectionGradingRoutes } from '../modules/reflections/reflections.grading.routes.js';
import { registerReflectionBatchRoutes } from '../modules/reflections/reflections.batches.routes.js';
import { registerEvaluationRoutes } from '../modules/evaluations/evaluations.routes.js';
import { registerReflectionStatsRoutes } from '../modules/reflections/reflections.stats.routes.js';
import { registerMemberFileRoutes } from '../modules/member-file/member-file.routes.js';
import { registerCopyRoutes } from '../modules/copies/copies.routes.js';
import { registerRecommendationRoutes } from '../modules/recommendations/recommendations.routes.js';
import type { AppConfig } from './config.js';

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null }
  interface FastifyContextConfig { public?: boolean }
}

export interface AppDeps { database: Database; config: AppConfig; files: FileStore }

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

/** Kernel plugins, then every module's routes. Boot (listening, migrating) stays in main.ts. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: process.env.QT_LOG === 'silent' ? false : { level: process.env.QT_LOG ?? 'warn' },
    genReqId: () => randomUUID(),
    // Only behind a reverse proxy may X-Forwarded-For name the client (audit "from where").
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return problemHandler(new NotFoundError('resource.not_found', 'no such route'), request, reply);
    // Client-side routes get the app; a missing asset stays a 404 instead of HTML under a .js name.
    if (!['GET', 'HEAD'].includes(request.method) || /\.[a-z0-9]+($|\?)/i.test(request.url)) return reply.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy');
    return serveIndex(deps.config, reply);
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 60 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Quán Triệt API', version: '0.1.0', description: 'Học tập, quán triệt và triển khai thực hiện Nghị quyết' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  app.decorateRequest('actor', null);
  // Decide by the matched route, not the raw URL: "/%61pi/orgs" routes to /api/orgs and must be
  // guarded the same. Authentication is settled before any validation, so an anonymous caller gets
  // 401 and learns nothing of the schemas.
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url ?? decodeURI(request.url.split('?')[0]);
    if (!route.startsWith('/api/')) return;
    checkOrigin(request, deps.config.trustProxy);
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await authService.actorFromToken(deps.database.db, token) : null;
    request.actor = actor && { ...actor, ip: request.ip, requestId: request.id };
    if (route.startsWith('/api/docs') || request.routeOptions.config?.public) return;
    if (!request.actor) throw new UnauthenticatedError('auth.required');
  });

  await registerAuthRoutes(app, deps);
  await registerOrgRoutes(app, deps);
  await registerMemberRoutes(app, deps);
  await registerImportRoutes(app, deps);
  await registerCampaignRoutes(app, deps);
  await registerMaterialRoutes(app, deps);
  await registerConferenceRoutes(app, deps);
  await registerAttendanceRoutes(app, deps);
  await registerReflectionRoutes(app, deps);
  await registerReflectionGradingRoutes(app, deps);
  await registerReflectionBatchRoutes(app, deps);
  await registerEvaluationRoutes(app, deps);
  await registerReflectionStatsRoutes(app, deps);
  await registerMemberFileRoutes(app, deps);
  await registerCopyRoutes(app, deps);
  await registerRecommendationRoutes(app, deps);

  const webRoot = path.resolve(deps.config.webDist);
  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot, wildcard: true, index: ['index.html'],
      // Hashed assets never change; index.html must be fetched fresh to pick up a new build.
      setHeaders: (res, filePath) => res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  return app;
}

/**
 * CSRF: session cookies are SameSite=Strict, and any state-changing request that carries an Origin
 * (every browser does) must come from this site.
 */
function checkOrigin(request: FastifyRequest, trustProxy: boolean) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return;
  const host = (trustProxy ? request.headers['x-forwarded-host'] : undefined) ?? request.headers.host;
  let originHost: string;
  try { originHost = new URL(origin).host; } catch { originHost = ''; }
  if (originHost !== host) throw new ForbiddenError('auth.csrf', `origin ${origin} does not match host ${host}`);
}

function serveIndex(config: AppConfig, reply: import('fastify').FastifyReply) {
  const index = path.resolve(config.webDist, 'index.html');
  if (!fs.existsSync(index)) return reply.status(404).type('text/plain; charset=utf-8').send('Chưa xây dựng giao diện web: chạy npm run build:web');
  return reply.type('text/html; charset=utf-8').send(fs.readFileSync(index));
}
