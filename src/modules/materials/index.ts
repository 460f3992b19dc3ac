/** What other modules (the member's campaign page, the demo seeder) may use of materials. */
export { ensureDefaultAudiences } from './materials.audiences.service.js';
export { materialsForMember } from './materials.read.service.js';
export { seedMaterial, type CreateMaterialInput } from './materials.service.js';
export { DEFAULT_AUDIENCES } from './materials.defaults.js';
export { KIND_LABELS, MATERIAL_KINDS, type MaterialKind } from './materials.content.js';
