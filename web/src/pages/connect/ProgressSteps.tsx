import { useTranslation } from 'react-i18next';
import type { ProgressStep, StepStatus } from './progress';

const MARKS: Record<StepStatus, string> = { done: '✓', active: '⟳', pending: '○' };

/** The mock-up's list: ✓ done, ⟳ in progress, ○ not started, each also said in words. */
export function ProgressSteps({ steps, platformName }: { steps: readonly ProgressStep[]; platformName: string }) {
  const { t } = useTranslation();
  const label = (step: ProgressStep): string => {
    switch (step.id) {
      case 'connected':
        return t('account.connect.progress.connected', { platform: platformName });
      case 'accounts':
        return t('account.connect.progress.accounts', { count: step.count });
      case 'campaigns':
        return t('account.connect.progress.campaigns', { count: step.count });
      case 'metrics':
        return step.status === 'done'
          ? t('account.connect.progress.metricsDone', { window: step.window })
          : t('account.connect.progress.metrics', { window: step.window, done: step.done, total: step.total });
    }
  };
  return (
    <ol className="connect-steps" data-testid="connect-steps">
      {steps.map((step) => (
        <li key={step.id} className={`connect-steps__item connect-steps__item--${step.status}`} data-testid={`connect-step-${step.id}`} data-status={step.status}>
          <span className="connect-steps__mark" aria-hidden="true">
            {MARKS[step.status]}
          </span>
          <span className="connect-steps__text">
            {label(step)}
            <span className="visually-hidden"> ({t(`account.connect.progress.step.${step.status}`)})</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
