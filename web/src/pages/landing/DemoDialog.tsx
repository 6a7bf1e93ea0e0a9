import type { MouseEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

// There is no recording yet; the dialog says so honestly instead of a dead button.
export function DemoDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  const { t } = useTranslation();

  // A click that lands on the <dialog> itself (not its content) is a backdrop click.
  const closeOnBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) event.currentTarget.close();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="demo-title" data-testid="demo-dialog" onClick={closeOnBackdrop}>
      <div className="dialog__body">
        <h2 id="demo-title">{t('landing.demo.title')}</h2>
        <p>{t('landing.demo.body')}</p>
        <form method="dialog" className="dialog__actions">
          <Link to="/app" className="button button--primary">{t('landing.hero.startTrial')}</Link>
          <button type="submit" className="button button--secondary">{t('landing.demo.close')}</button>
        </form>
      </div>
    </dialog>
  );
}
