import type { App, AppDeps } from '../../server/app.js';

export async function registerAttendanceRoutes(app: App, deps: AppDeps) {
  void app; void deps;
}
