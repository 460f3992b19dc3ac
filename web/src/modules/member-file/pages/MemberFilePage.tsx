import { Button, Result, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useMemberFile, type MemberFile } from '../api';
import { CampaignRecord } from '../components/CampaignRecord';
import { EVALUATION_STATUS, F } from '../labels';
import { isNotFound } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { LABELS, MSG } from '../../../shared/i18n/vi';
import { formatBirthDate, formatDay, formatIsoDate } from '../../../shared/lib/format';
import '../member-file.css';

/**
 * A member's file (hồ sơ đảng viên) as one document: heading as on an official paper, the member's
 * particulars, then per campaign their study, reflection and its grading, then the year-end
 * evaluations. Printable on A4 ("In hồ sơ"): the app's bars and buttons are left off the paper.
 */
export default function MemberFilePage() {
  const { id = '' } = useParams();
  const file = useMemberFile(id);
  if (file.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (file.isError) {
    return isNotFound(file.error) ? <Result status="404" title={MSG.notFoundMember} data-testid="member-file-not-found" /> : <ProblemAlert error={file.error} />;
  }
  const f = file.data;
  return (
    <div className="qt-file-page">
      <Space wrap className="qt-no-print qt-file-actions">
        <Link to={`/members/${id}`}><Button icon={<ArrowLeftOutlined />}>{F.back}</Button></Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-file">{F.print}</Button>
      </Space>
      <article className={`qt-file${f.abilities.isSelf ? ' qt-self' : ''}`} data-testid="member-file">
        <Heading f={f} />
        <Particulars m={f.member} />
        {f.campaigns.length === 0 ? <p>{F.noCampaign}</p> : f.campaigns.map((c, i) => <CampaignRecord key={c.id} c={c} n={i + 1} />)}
        <Evaluations f={f} n={f.campaigns.length + 1} />
        <div className="qt-file-sign">
          <div />
          <div><strong>{F.authority}</strong><br /><strong>{F.signer}</strong><div className="qt-file-sign-space" /></div>
        </div>
        <p className="qt-file-printed">{F.printedAt} {formatDay(f.printedAt)}</p>
      </article>
    </div>
  );
}

function Heading({ f }: { f: MemberFile }) {
  const branch = f.member.branch;
  return (
    <header className="qt-file-heading">
      <div className="qt-file-issuer">
        {branch?.parentName && <div>{branch.parentName.toUpperCase()}</div>}
        <div><strong>{(branch?.name ?? '').toUpperCase()}</strong></div>
        <div>*</div>
      </div>
      <div className="qt-file-party">
        <div><strong><u>{F.party}</u></strong></div>
        <div className="qt-file-date"><em>{F.place(new Date(f.printedAt))}</em></div>
      </div>
      <h2>{F.title}</h2>
      <p className="qt-file-subtitle">{F.subtitle}</p>
    </header>
  );
}

function Particulars({ m }: { m: MemberFile['member'] }) {
  const status = (LABELS.status as Record<string, string>)[m.status] ?? m.status;
  const rows: Array<[string, string | null]> = [
    [F.fullName, m.fullName], [F.cardNumber, m.cardNumber], [F.birthDate, formatBirthDate(m.birthDate, m.birthYearOnly)],
    [F.admission, formatIsoDate(m.admissionDate)], [F.official, formatIsoDate(m.officialDate)], [F.status, status],
    [F.branch, m.branch?.name ?? null], [F.position, m.partyPosition],
  ];
  return (
    <dl className="qt-file-particulars">
      {rows.map(([k, v]) => <div key={k}><dt>{k}:</dt><dd>{v || '…'}</dd></div>)}
      {m.leftAt && <div><dt>{F.left}:</dt><dd>{formatDay(m.leftAt)}</dd></div>}
    </dl>
  );
}

function Evaluations({ f, n }: { f: MemberFile; n: number }) {
  return (
    <section className="qt-file-campaign">
      <h3>{n}. {F.evaluation}</h3>
      {f.evaluations.length === 0 ? <p>{F.noEvaluation}</p> : (
        <div className="qt-file-scroll">
          <table className="qt-file-table" data-testid="file-evaluations">
            <thead><tr><th>{F.year}</th><th>{F.general}</th><th>{F.tasks}</th><th>{F.total}</th><th>{F.grade}</th></tr></thead>
            <tbody>
              {f.evaluations.map((e) => (
                <tr key={e.year}>
                  <td>{e.year}</td><td>{e.general}/30</td><td>{e.tasks}/70</td><td><strong>{e.total}</strong></td>
                  <td>{e.gradeLabel ?? '—'}{e.status !== 'approved' ? ` (${EVALUATION_STATUS[e.status]})` : ''}
                    {e.reasons ? <><br /><small>{e.reasons}</small></> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
