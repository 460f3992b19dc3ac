import { CommentOutlined } from '@ant-design/icons';
import type { Answer } from '../api';
import { answerOrg, K } from '../labels';
import { formatDayTime } from '../../../shared/lib/format';

/** "Trả lời của <org>: …", nearest level first; `large` for the branch and member pages. */
export function AnswerList({ answers, ownOrgName, large }: { answers: Answer[]; ownOrgName: string; large?: boolean }) {
  if (answers.length === 0) return null;
  return (
    <div className={`qt-rec-answers${large ? ' qt-rec-answers-large' : ''}`} data-testid="rec-answers">
      {answers.map((a) => (
        <div key={`${a.groupId}-${a.orgId}`} className="qt-rec-answer">
          <div className="qt-rec-answer-head">
            <CommentOutlined aria-hidden /> <b>{K.answerOf(answerOrg(a, ownOrgName))}</b>
            {a.answeredAt && <span className="qt-rec-answer-meta">{K.answeredBy(a.answeredByName, formatDayTime(a.answeredAt))}</span>}
          </div>
          <div className="qt-rec-answer-text">{a.answer}</div>
        </div>
      ))}
    </div>
  );
}
