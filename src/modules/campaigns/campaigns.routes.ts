import type { App, AppDeps } from '../../server/app.js';

export async function registerCampaignRoutes(app: App, deps: AppDeps) {
  void app; void deps;
}
