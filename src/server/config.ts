export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  secureCookies: boolean;
  /** Trust X-Forwarded-* headers (set only behind a reverse proxy). */
  trustProxy: boolean;
  /** Demo mode: seed the invented province on first start and publish its demo logins. */
  demo: boolean;
}

export function loadConfig(env = process.env): AppConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.QT_DATA_DIR ?? './data',
    webDist: env.QT_WEB_DIST ?? 'web/dist',
    secureCookies: env.QT_SECURE_COOKIES === 'true',
    trustProxy: env.QT_TRUST_PROXY === 'true',
    // On by default with the embedded database (a demo or a trial), off with a PostgreSQL server.
    demo: env.QT_DEMO ? env.QT_DEMO === 'true' : !env.DATABASE_URL,
  };
}
