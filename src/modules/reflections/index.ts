/** What other modules (the member file, reports) may use of reflections. */
export { memberReflectionRecord, type RecordGrade, type RecordReflection, type RecordSettings, type RecordVersion } from './reflections.record.js';
export { DEFAULT_RUBRIC, gradeLabel } from './reflections.rubric.js';
export { purgeStagedUploads, STAGED_TTL_DAYS } from './reflections.uploads.quota.js';
