import type { App, AppDeps } from '../../server/app.js';

export async function registerConferenceRoutes(app: App, deps: AppDeps) {
  void app; void deps;
}
