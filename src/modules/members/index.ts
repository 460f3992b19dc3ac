export * as membersService from './members.service.js';
export { countActiveMembers, reassignBranch } from './members.repository.js';
export * from './members.fields.js';
