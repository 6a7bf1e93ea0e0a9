import type { LandingCopy } from './copy';
import { trialButton } from './Hero';
import { LANDING_IDS } from './ids';

/**
 * A native modal <dialog>: the browser traps focus, closes it on Escape and returns focus to
 * the button that opened it. There is no recording yet; the dialog says so honestly and
 * shows what the demo will walk through.
 */
export function DemoDialog({ copy }: { copy: LandingCopy }) {
  const demo = copy.demo;
  return (
    <dialog id={LANDING_IDS.demoDialog} className="dialog" aria-labelledby="demo-title" data-testid="demo-dialog">
      <div className="dialog__body">
        <h2 id="demo-title">{demo.title}</h2>
        <p>{demo.body}</p>
        <ol className="demo-steps">
          {demo.steps.map((s) => <li key={s}>{s}</li>)}
        </ol>
        <form method="dialog" className="dialog__actions">
          <button className="button button--primary" data-testid="demo-start-trial" {...trialButton}>
            {copy.hero.startTrial}
          </button>
          <button type="submit" className="button button--secondary" data-testid="demo-close">{demo.close}</button>
        </form>
      </div>
    </dialog>
  );
}
