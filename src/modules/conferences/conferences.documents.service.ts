import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import { manageableConference, readableConference } from './conferences.access.js';
import * as docs from './conferences.documents.repository.js';
import type { CreateDocumentInput } from './conferences.schema.js';

/**
 * Documents put up for discussion at a conference (thematic resolutions, plans, projects), commented
 * section by section. Whoever may see the conference may comment (see conferences.access.ts): the
 * officers of the organizing level and above, the branch committees whose members attend, and the
 * bridge points' supervisors.
 */

/** Section keys are generated in order (s1, s2, …) so comments can point at a section. */
export async function createDocument(db: Db, actor: Actor, conferenceId: string, input: CreateDocumentInput) {
  return db.transaction(async (tx) => {
    await manageableConference(tx, actor, conferenceId);
    const sections = input.sections.map((s, i) => ({ key: `s${i + 1}`, heading: s.heading, text: s.text }));
    const doc = await docs.insertDocument(tx, actor.tenantId, { conferenceId, kind: input.kind, title: input.title, sections });
    await recordAudit(tx, actor, actor.tenantId, { action: 'conference_document.create', entityType: 'conference_document', entityId: doc.id, after: doc });
    return { id: doc.id, kind: doc.kind, title: doc.title, sections: doc.sections, commentCount: 0, createdAt: doc.createdAt.toISOString() };
  });
}

export async function listDocuments(db: Db, actor: Actor, conferenceId: string) {
  await readableConference(db, actor, conferenceId);
  return docs.listDocuments(db, actor.tenantId, conferenceId);
}

async function readableDocument(db: Db, actor: Actor, docId: string) {
  const doc = await docs.findDocument(db, actor.tenantId, docId);
  if (!doc) throw new NotFoundError('resource.not_found', `document ${docId}`);
  try {
    return { doc, conf: await readableConference(db, actor, doc.conferenceId) };
  } catch (err) {
    if (err instanceof NotFoundError) throw new NotFoundError('resource.not_found', `document ${docId} not visible`);
    throw err;
  }
}

export async function listComments(db: Db, actor: Actor, docId: string) {
  await readableDocument(db, actor, docId);
  return (await docs.listComments(db, actor.tenantId, docId)).map(commentView);
}

export async function addComment(db: Db, actor: Actor, docId: string, input: { sectionKey: string; body: string }) {
  const { doc, conf } = await readableDocument(db, actor, docId);
  if (conf.status === 'cancelled') throw new RuleViolationError('conference.state', 'conference cancelled', { params: { status: conf.status } });
  if (!doc.sections.some((s) => s.key === input.sectionKey)) {
    throw new ValidationError('validation.failed', `no section ${input.sectionKey}`, { errors: [{ path: 'sectionKey', message: `Văn bản không có mục "${input.sectionKey}"` }] });
  }
  return db.transaction(async (tx) => {
    const row = await docs.insertComment(tx, actor.tenantId, {
      documentId: docId, sectionKey: input.sectionKey, authorUserId: actor.userId, authorName: actor.displayName, body: input.body,
    });
    await recordAudit(tx, actor, actor.tenantId, { action: 'conference_comment.create', entityType: 'conference_document', entityId: docId, after: row });
    return commentView(row);
  });
}

function commentView(c: docs.CommentRow) {
  return { id: c.id, documentId: c.documentId, sectionKey: c.sectionKey, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() };
}
