export * from '../../modules/org/org.table.js';
export * from '../../modules/members/members.table.js';
export * from '../../modules/members/imports.table.js';
export * from '../../modules/auth/auth.table.js';
export * from '../audit/audit.table.js';
export * from '../../modules/campaigns/campaigns.table.js';
export * from '../../modules/materials/materials.table.js';
export * from '../../modules/conferences/conferences.table.js';
