export * as membersService from './members.service.js';
export { audienceMembersSql, countActiveMembers, findMember, reassignBranch, type StudyAudience } from './members.repository.js';
export * from './members.fields.js';
