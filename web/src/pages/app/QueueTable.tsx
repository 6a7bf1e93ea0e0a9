import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueStats } from '../../api/system';
import { formatNumber } from '../../lib/format';

// Line-break opportunities after separators, so a long dotted queue name wraps
// at a readable point on a phone instead of forcing the table wider.
function breakable(name: string) {
  return name.split(/(?<=[.\-_:/])/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

export function QueueTable({ queues }: { queues: readonly QueueStats[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';

  if (queues.length === 0) {
    return <p className="muted" data-testid="queue-empty">{t('system.queues.none')}</p>;
  }

  return (
    // Scrolls on its own at narrow widths instead of widening the page.
    <div className="table-scroll">
      <table className="data-table" data-testid="queue-table">
        <caption className="visually-hidden">{t('system.queues.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('system.queues.name')}</th>
            <th scope="col" className="num">{t('system.queues.created')}</th>
            <th scope="col" className="num">{t('system.queues.active')}</th>
            <th scope="col" className="num">{t('system.queues.failed')}</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((queue) => (
            <tr key={queue.name} data-testid={`queue-row-${queue.name}`}>
              <th scope="row"><bdi>{breakable(queue.name)}</bdi></th>
              <td className="num">{formatNumber(queue.created, language)}</td>
              <td className="num">{formatNumber(queue.active, language)}</td>
              <td className="num">{formatNumber(queue.failed, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
