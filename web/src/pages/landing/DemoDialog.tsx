import type { MouseEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';

// There is no recording yet; the dialog says so honestly instead of a dead button.
export function DemoDialog({ ref, onStartTrial }: { ref: Ref<HTMLDialogElement>; onStartTrial: () => void }) {
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
          <button type="button" className="button button--primary" data-testid="demo-start-trial" onClick={onStartTrial}>
            {t('landing.hero.startTrial')}
          </button>
          <button type="submit" className="button button--secondary">{t('landing.demo.close')}</button>
        </form>
      </div>
    </dialog>
  );
}
